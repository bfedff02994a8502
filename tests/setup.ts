// Shared test set-up. Each test file builds its own fake App; nothing global is mutated here
// beyond what jsdom lacks.
export {};
