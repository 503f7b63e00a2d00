#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace suanli::host {

/// How long since the owner last touched keyboard or mouse.
struct IdleReading
{
    enum class Status
    {
        Known,       ///< idleMs is the truth
        Pending,     ///< asked, no answer yet (asynchronous sources, first tick)
        Unavailable, ///< this source cannot tell; detail says why
    };
    Status status = Status::Unavailable;
    qint64 idleMs = 0;
    QString detail;

    static IdleReading known(qint64 ms) { return {Status::Known, ms, {}}; }
    static IdleReading pending() { return {Status::Pending, 0, {}}; }
    static IdleReading unavailable(QString why) { return {Status::Unavailable, 0, std::move(why)}; }
};

/// A source of the user's input idle time. Implementations never block: a source that has to
/// ask another process (D-Bus) answers from its last reply and asks again.
class IdleSource
{
public:
    virtual ~IdleSource() = default;
    virtual IdleReading read() = 0;
    /// For the Lend view and logs: "X11 XScreenSaver", "GNOME Mutter IdleMonitor", …
    virtual QString name() const = 0;
};

/// Tries its sources in order and answers with the first that knows; Pending while any that
/// has not failed is still waiting; Unavailable (with every source's reason) when none can.
class FirstKnownIdleSource final : public IdleSource
{
public:
    explicit FirstKnownIdleSource(std::vector<std::unique_ptr<IdleSource>> sources);
    IdleReading read() override;
    QString name() const override;

private:
    std::vector<std::unique_ptr<IdleSource>> m_sources;
    int m_lastKnown = -1;
};

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

/// Every source this platform and session may have, best first (docs/contributor.md).
std::unique_ptr<IdleSource> createSystemIdleSource();

} // namespace suanli::host
