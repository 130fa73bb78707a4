import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import type { Language } from '../../src-main/contract/schemas';
import { translate } from '../i18n/translate';

/**
 * Web mode opened without the session token (a bookmark, a typed address). The
 * office language is unknown without the API, so the page speaks both.
 */
export function NoTokenPage() {
  const languages: Language[] = ['it', 'en'];
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={560} component="main">
        <Stack gap="lg">
          <Title order={1} size="h2">
            Promemoria
          </Title>
          {languages.map((language) => (
            <Stack key={language} gap={4} lang={language}>
              <Title order={2} size="h4">
                {translate(language, 'noToken.title')}
              </Title>
              <Text>{withCode(translate(language, 'noToken.body'))}</Text>
            </Stack>
          ))}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Shows `backticked` parts of a message as code. */
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <Code key={index}>{part}</Code> : part));
}
