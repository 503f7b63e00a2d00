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

/// A source of the user's input idle time: the seam through which the lending policy learns
/// whether the owner uses the machine. Implementations never block: a source that has to
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

// The desktop's sources (X11, GNOME, KDE, Windows, macOS) are contributor mode's:
// contributor/systemidlesource.h. The headless agent links none of them.

} // namespace suanli::host
