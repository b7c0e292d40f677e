export * from './annotation.ts';
export * from './dataset.ts';
export * from './document.ts';
export * from './labels.ts';
export * from './review.ts';
export * from './rubric.ts';
export * from './scoring.ts';
export * from './sections.ts';
