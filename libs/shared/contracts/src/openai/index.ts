export * from './chat-message-param';
export * from './chat-completion-request';
export * from './completion-usage';
export * from './chat-completion';
export * from './chat-completion-chunk';
export * from './model';
export * from './openai-error';
export * from './embedding';
