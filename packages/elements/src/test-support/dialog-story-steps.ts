// Story support (not part of the package build): the steps the connect dialog's stories take
// when they need some interaction. They find the dialog's own buttons by part, so a story
// plays in every locale.

export function dialogIn(canvas: HTMLElement): ShadowRoot {
  return canvas.querySelector('connect-dialog')!.shadowRoot!;
}

export async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} never appeared`);
}

function buttonNamed(root: ShadowRoot, name: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === name,
  );
}

/** Clicks a button named by catalog data (the same in every locale), e.g. a method's label. */
export async function click(canvas: HTMLElement, name: string): Promise<void> {
  (await waitFor(() => buttonNamed(dialogIn(canvas), name), `the "${name}" button`)).click();
}

/** Clicks one of the dialog's own buttons by its part, so the story plays in every locale. */
export async function clickPart(canvas: HTMLElement, part: string): Promise<void> {
  const root = dialogIn(canvas);
  const button = await waitFor(
    () => root.querySelector<HTMLButtonElement>(`button[part~="${part}"]`),
    `the "${part}" button`,
  );
  button.click();
}

export async function fill(canvas: HTMLElement, values: Record<string, string>): Promise<void> {
  const root = dialogIn(canvas);
  await waitFor(() => root.querySelector('form'), 'the credential form');
  for (const [name, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

/**
 * The popup stand-in OAuth stories need: Storybook's canvas must not open real windows. With
 * 'visits', the stand-in follows the flow's start URL to the mock sign-in page and the callback
 * (as a real popup would), which settle the flow the way the story's backend scenario says; the
 * dialog learns the result by polling.
 */
export function stubPopup(result: 'open' | 'blocked' | 'visits'): () => void {
  const original = window.open;
  window.open = (() =>
    result === 'blocked'
      ? null
      : {
          closed: false,
          close() {},
          focus() {},
          location: {
            replace(url: string) {
              // With its cookies, as the popup's navigation would: the mock start URL binds the
              // flow with one (kept in MSW's cookie jar) and the callback needs it back.
              if (result === 'visits')
                void fetch(url, { credentials: 'include' }).catch(() => undefined);
            },
          },
        }) as unknown as typeof window.open;
  return () => {
    window.open = original;
  };
}

/** Signs in through the stand-in popup and waits for the view the scenario leads to. */
export async function signIn(canvas: HTMLElement, outcomePart: string): Promise<void> {
  const restore = stubPopup('visits');
  try {
    await clickPart(canvas, 'continue');
  } finally {
    restore();
  }
  const root = dialogIn(canvas);
  await waitFor(() => root.querySelector(`[part~="${outcomePart}"]`), `the ${outcomePart} view`);
}

/** Chooses the first option a setup step's live list shows (its key names the combobox). */
export async function chooseFirstOption(canvas: HTMLElement, stepKey: string): Promise<void> {
  const root = dialogIn(canvas);
  const option = await waitFor(
    () => root.querySelector<HTMLElement>(`[role="option"][data-step="${stepKey}"]`),
    `an option of ${stepKey}`,
  );
  option.click();
}

/** Pipedrive after sign-in: its pipeline, chosen from the live list, saved. */
export async function passSetupChoices(canvas: HTMLElement): Promise<void> {
  await chooseFirstOption(canvas, 'pipeline');
  await clickPart(canvas, 'save');
}

/** Types into a setup step's combobox (its search), as a user would. */
export async function searchOptions(
  canvas: HTMLElement,
  stepKey: string,
  text: string,
): Promise<void> {
  const root = dialogIn(canvas);
  const input = await waitFor(
    () => root.querySelector<HTMLInputElement>(`#setting-${stepKey}`),
    `the ${stepKey} field`,
  );
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Chooses the option of a setup step's list whose label is `label`, once the list shows it. */
export async function chooseOption(
  canvas: HTMLElement,
  stepKey: string,
  label: string,
): Promise<void> {
  const root = dialogIn(canvas);
  const option = await waitFor(
    () =>
      Array.from(
        root.querySelectorAll<HTMLElement>(`[role="option"][data-step="${stepKey}"]`),
      ).find((candidate) => candidate.querySelector('.option__label')?.textContent === label),
    `the option ${label}`,
  );
  option.click();
}
