export * from './openai-schema';
