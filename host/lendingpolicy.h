#pragma once

#include "hostconfig.h"
#include "idlesource.h"
#include "protocol/clock.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace suanli::host {

/// What the owner is doing with the GPUs, read once per policy tick.
struct GpuActivity
{
    /// Processes on a GPU that are not inside Suanli's containers (pid list for the message).
    QList<qint64> foreignPids;
    /// A fullscreen window (a game, a film) on the owner's desktop.
    bool fullscreen = false;
    /// Hottest GPU and total board power; 0 when unknown (no NVML).
    double maxTemperatureC = 0;
    double totalPowerW = 0;
};

class GpuActivitySource
{
public:
    virtual ~GpuActivitySource() = default;
    virtual GpuActivity sample() = 0;
};

/// The owner's lending choices (the Lend view's "When to lend" and "Limits").
struct LendingSettings
{
    bool enabled = true;     ///< false: Off
    bool requireIdle = true; ///< lend only while the user has been idle idleMinutes
    int idleMinutes = 10;
    QList<ScheduleWindow> windows; ///< empty: any time
    bool pauseOnGpuUse = true;     ///< another process on the GPU / a fullscreen app pauses
    double maxTemperatureC = 0;    ///< 0: no cap
    double maxPowerW = 0;          ///< 0: no cap
    bool interruptible = true;     ///< the listing's kind (decides what owner return stops)
    int graceS = 60;               ///< notice to interruptible rentals before they stop
};

/// Contributor mode's lending policy (docs/contributor.md): decides from injected
/// sources whether this machine is listed, and what happens to rentals when the owner comes
/// back. It only decides; LendingBinding makes the HostEngine act on its signals.
class LendingPolicy : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Off,
        WaitingForIdle,
        Listed,
        Rented,
        Paused,
        Error
    };
    Q_ENUM(State)

    /// Why the policy is where it is; the tray and the Lend view word it.
    enum class Reason
    {
        None,
        Disabled,        ///< Off: the owner switched lending off
        OutsideSchedule, ///< WaitingForIdle: no schedule window now
        UserActive,      ///< WaitingForIdle: input less than idleMinutes ago
        GpuInUse,        ///< Paused: a process that is not Suanli's uses a GPU
        Fullscreen,      ///< Paused: a fullscreen app runs
        TooHot,          ///< Paused: above the temperature cap
        PowerCap,        ///< Paused: above the power cap
        ManualPause,     ///< Paused: "Pause 1 h" / "Pause until tomorrow"
        IdleUnknown,     ///< Error: idle time needed but no source can tell it
        EngineError,     ///< Error: the host agent engine failed (setEngineError)
    };
    Q_ENUM(Reason)

    /// Stop reasons reported to the market in `instance_state` `stopped`.
    static constexpr auto kOwnerReturned = "host_owner_returned";
    static constexpr auto kOwnerForcedStop = "host_owner_forced_stop";

    /// `idle` may be null (no source on this platform): see Reason::IdleUnknown. Schedule
    /// windows and "until tomorrow" read `clock`'s local time (null: wall time); it must
    /// outlive the policy.
    LendingPolicy(std::unique_ptr<IdleSource> idle, std::unique_ptr<GpuActivitySource> gpu,
                  const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LendingPolicy() override;

    void setSettings(const LendingSettings &settings);
    const LendingSettings &settings() const { return m_settings; }

    /// Evaluates every `intervalMs` from now on (the tray: 2 s).
    void start(int intervalMs = 2000);
    void stop();
    /// One tick: reads the sources, moves the state, emits what must happen.
    void evaluate();

    /// The owner's buttons.
    void lendNow();                ///< lend regardless of idle time and schedule until a pause
    void pauseFor(qint64 seconds); ///< "Pause 1 h"
    void pauseUntilTomorrow();     ///< until 00:00 local time
    void resume();                 ///< ends a manual pause
    /// Stops every rental now, on-demand ones included (counts against reliability).
    void forceStopAll();

    /// From the engine: instances running now (they make the state Rented).
    void setRunningInstances(const QList<qint64> &ids);
    /// The engine failed (or recovered: empty message).
    void setEngineError(const QString &message);

    State state() const { return m_state; }
    Reason reason() const { return m_reason; }
    bool isListed() const { return m_listed; }
    QDateTime pausedUntil() const { return m_pausedUntil; }
    bool lendingForced() const { return m_forced; }
    /// Last idle reading (nullopt when unknown) and the name of its source.
    std::optional<qint64> lastIdleMs() const { return m_lastIdleMs; }
    QString idleSourceName() const;
    /// Why the idle time is unknown (with Reason::IdleUnknown).
    QString idleDetail() const { return m_idleDetail; }
    QList<qint64> runningInstances() const { return m_running; }
    /// Interruptible rentals under notice and when they will be stopped.
    QMap<qint64, QDateTime> pendingStops() const { return m_stopAt; }

signals:
    void stateChanged(suanli::host::LendingPolicy::State state,
                      suanli::host::LendingPolicy::Reason reason);
    /// List (true) or withdraw (false) this machine's offer.
    void listingChanged(bool listed);
    /// An interruptible rental will be stopped at `stopAt` unless the owner leaves again.
    void rentalNoticed(qint64 instanceId, const QDateTime &stopAt, const QString &reason);
    /// Stop this rental now (data kept).
    void stopRequested(qint64 instanceId, const QString &reason);

private:
    struct Verdict
    {
        State state = State::Off;
        Reason reason = Reason::None;
        bool lendable = false;
        bool ownerBack = false; ///< not lendable because the owner wants the machine back
    };
    Verdict judge(const QDateTime &now);

    std::unique_ptr<IdleSource> m_idle;
    std::unique_ptr<GpuActivitySource> m_gpu;
    const Clock *m_clock;
    LendingSettings m_settings;
    QTimer m_timer;
    State m_state = State::Off;
    Reason m_reason = Reason::None;
    bool m_listed = false;
    bool m_forced = false;
    QDateTime m_pausedUntil;
    std::optional<qint64> m_lastIdleMs;
    QString m_idleDetail;
    QString m_engineError;
    QList<qint64> m_running;
    QMap<qint64, QDateTime> m_stopAt;
    QSet<qint64> m_stopSent;
};

} // namespace suanli::host
