import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { installFixtureGlue } from '../../../src/jest/index';

installFixtureGlue({ beforeEach, afterEach, afterAll, expect });
