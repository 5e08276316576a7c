/**
 * Copies text with the Clipboard API. When the browser refuses (permissions, insecure context,
 * older engines), selects the input's text instead so the user only has to press the shortcut.
 */
export async function copyFromInput(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.focus();
    input.select();
    return false;
  }
}
