/** class-transformer `@Transform(trimString)`: a string field arrives without surrounding spaces; other values pass as they are (and fail validation). */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
