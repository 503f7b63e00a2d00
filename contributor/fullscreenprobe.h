#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace suanli::contributor {

/// "Is a fullscreen app (a game, a film) running on the owner's desktop?" for the lending
/// policy's "pause when a fullscreen app runs" (docs/contributor.md).
class FullscreenProbe
{
public:
    virtual ~FullscreenProbe() = default;
    /// nullopt when it cannot tell now (no display, no active window, the X server went away).
    virtual std::optional<bool> isFullscreen() = 0;
    /// Why it cannot tell, after isFullscreen() answered nullopt.
    virtual QString error() const = 0;
};

/// X11 (EWMH): the window named by the root's `_NET_ACTIVE_WINDOW` has `_NET_WM_STATE_FULLSCREEN`
/// in its `_NET_WM_STATE`. libxcb is loaded with dlopen, like the X11 idle source's libraries.
/// `display` empty: $DISPLAY.
std::unique_ptr<FullscreenProbe> createX11FullscreenProbe(const QByteArray &display = {});

/// The probe for this desktop, or null with `why` set where none exists: Wayland gives clients
/// no way to see other clients' windows, and Windows/macOS detection is not written yet.
std::unique_ptr<FullscreenProbe> createSystemFullscreenProbe(QString *why = nullptr);

/// The EWMH rule on raw property values: the active window's `_NET_WM_STATE` atoms contain the
/// fullscreen atom (0 = the server has no such atom, so no window can be fullscreen).
bool ewmhStateIsFullscreen(const QList<unsigned long> &stateAtoms, unsigned long fullscreenAtom);

} // namespace suanli::contributor
