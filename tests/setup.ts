// Shared test set-up. Each test file builds its own fake App; nothing global is mutated here
// beyond what jsdom lacks, and fast-check's number of runs (tests/properties.ts).
import { configureProperties } from "./properties";

configureProperties();
