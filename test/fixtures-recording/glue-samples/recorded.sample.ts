// Jest, with the glue as a setup file (setupFilesAfterEnv).
import { defineSampleTests } from './sample-tests';

defineSampleTests(it, expect);
