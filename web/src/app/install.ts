// The browser's offer to install the app on the home screen (Chromium's beforeinstallprompt),
// caught as soon as the app starts (the event comes once, early) and kept for a button.
import { signal } from "@preact/signals";

interface InstallPrompt extends Event {
  prompt: () => Promise<void>;
}

export const installPrompt = signal<InstallPrompt | null>(null);
export const installed = signal(false);

addEventListener("beforeinstallprompt", (e) => {
  e.preventDefault();
  installPrompt.value = e as InstallPrompt;
});
addEventListener("appinstalled", () => {
  installed.value = true;
  installPrompt.value = null;
});
