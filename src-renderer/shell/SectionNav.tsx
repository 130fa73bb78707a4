import { AppShell, NavLink, Text, Tooltip } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context';
import { sectionHref } from './hash-route';
import { sections, type SectionId } from './sections';

/**
 * Real links to `#/<section>`, so they work with the keyboard and carry the visible
 * label as their accessible name. The shortcut is in a tooltip, in the hint below,
 * and in aria-keyshortcuts for assistive tech.
 */
export function SectionNav({ current }: { current: SectionId }) {
  const { t } = useI18n();
  return (
    <>
      <AppShell.Section grow component="nav" aria-label={t('nav.label')}>
        {sections.map(({ id, label, icon: Icon, shortcut }) => (
          <Tooltip key={id} label={`Alt+${String(shortcut)}`} position="right" openDelay={600} withArrow>
            <NavLink
              href={sectionHref(id)}
              label={t(label)}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              active={id === current}
              aria-current={id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${String(shortcut)}`}
              variant="light"
              noWrap
            />
          </Tooltip>
        ))}
      </AppShell.Section>
      <Text size="xs" c="dimmed" px="sm" py="xs">
        {t('nav.shortcutsHint')}
      </Text>
    </>
  );
}
