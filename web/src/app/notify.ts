// Browser notifications for a session that ends or a connector that faults, only when the
// driver asked for them (a button, never on load) and the browser allowed them. Shown through
// the service worker where there is one (phones require it), else with `new Notification`.
import { signal } from "@preact/signals";

const KEY = "chargegate.app.notify";
const supported = typeof window !== "undefined" && "Notification" in window;

function state(): "unsupported" | "on" | "off" | "denied" {
  if (!supported) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return Notification.permission === "granted" && localStorage.getItem(KEY) === "on" ? "on" : "off";
}

export const notifications = signal(state());

export async function enableNotifications() {
  if (!supported) return;
  const answer = await Notification.requestPermission();
  if (answer === "granted") localStorage.setItem(KEY, "on");
  notifications.value = state();
}

export function disableNotifications() {
  localStorage.setItem(KEY, "off");
  notifications.value = state();
}

export async function notify(title: string, body: string, tag: string) {
  if (state() !== "on") return;
  const options = { body, tag, icon: "/app/icon-192.png", badge: "/app/icon-192.png" };
  try {
    const registration = await navigator.serviceWorker?.getRegistration("/app/");
    if (registration) return await registration.showNotification(title, options);
  } catch {
    // Fall back to a page notification below.
  }
  try {
    new Notification(title, options);
  } catch {
    // A browser that allows notifications only from a service worker, without one: nothing shown.
  }
}
