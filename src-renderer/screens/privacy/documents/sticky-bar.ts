/** While a document is being edited, its Save and Cancel stay in sight under the app's header. */
export const stickyBar = {
  position: 'sticky',
  top: 'var(--app-shell-header-offset, 0px)',
  zIndex: 3,
  background: 'var(--mantine-color-body)',
  paddingBlock: 6,
} as const;
