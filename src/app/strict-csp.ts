// Kept as the entry's first import: the configuration lives with the schemas.
import '../api/zod-config';
