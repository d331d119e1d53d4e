export * from './tier-options';
export * from './customer-api-key';
export * from './usage-customer';
