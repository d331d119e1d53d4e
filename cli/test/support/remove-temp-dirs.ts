import { removeTempDirs } from './temp-dirs';

// Jest's setupFilesAfterEnv: every test file removes the folders it made with tempDir() once its tests are done.
afterAll(removeTempDirs);
