// Vitest without globals, with the glue installed from vitest-setup.ts.
import { expect, it } from 'vitest';
import { defineSampleTests } from './sample-tests';

defineSampleTests(it, expect);
