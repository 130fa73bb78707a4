import { createTheme } from '@mantine/core';

/**
 * A dense desktop look: small controls by default, the system font stack
 * (Mantine's default, nothing fetched) and a calm primary colour.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    // Mixed case reads faster than Mantine's all-caps badges in dense tables.
    Badge: { defaultProps: { tt: 'none' } },
    Button: { defaultProps: { size: 'xs' } },
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 4, horizontalSpacing: 'sm' } },
  },
});
