#pragma once

#include "host/idlesource.h"

#include <QByteArray>

#include <memory>

namespace suanli::contributor {

using host::IdleReading;
using host::IdleSource;

/// X11: the MIT-SCREEN-SAVER extension through libXss.so.1 / libX11.so.6 loaded with dlopen
/// (never linked, so the app starts on machines without X). Null when not built for this OS.
std::unique_ptr<IdleSource> createX11IdleSource(const QByteArray &display = {});
/// Wayland and X11 desktops: org.gnome.Mutter.IdleMonitor GetIdletime (GNOME) and
/// org.freedesktop.ScreenSaver GetSessionIdleTime (KDE Plasma) on the session bus.
/// Null when the build has no Qt D-Bus.
std::unique_ptr<IdleSource> createGnomeIdleSource();
std::unique_ptr<IdleSource> createFreedesktopIdleSource();
/// Windows GetLastInputInfo / macOS IOKit HIDIdleTime; null elsewhere.
std::unique_ptr<IdleSource> createNativeIdleSource();

/// Every source this platform and session may have, best first (docs/contributor.md), behind
/// one host::FirstKnownIdleSource.
std::unique_ptr<IdleSource> createSystemIdleSource();

} // namespace suanli::contributor
