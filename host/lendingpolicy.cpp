#include "lendingpolicy.h"

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {
const Clock &wallClock()
{
    static const SystemClock clock;
    return clock;
}
} // namespace

LendingPolicy::LendingPolicy(std::unique_ptr<IdleSource> idle,
                             std::unique_ptr<GpuActivitySource> gpu, const Clock *clock,
                             QObject *parent)
    : QObject(parent)
    , m_idle(std::move(idle))
    , m_gpu(std::move(gpu))
    , m_clock(clock ? clock : &wallClock())
{
    connect(&m_timer, &QTimer::timeout, this, &LendingPolicy::evaluate);
}

LendingPolicy::~LendingPolicy() = default;

void LendingPolicy::setSettings(const LendingSettings &settings)
{
    m_settings = settings;
    if (!m_settings.enabled)
        m_forced = false;
    evaluate();
}

void LendingPolicy::start(int intervalMs)
{
    m_timer.start(intervalMs);
    evaluate();
}

void LendingPolicy::stop()
{
    m_timer.stop();
}

void LendingPolicy::lendNow()
{
    m_settings.enabled = true;
    m_forced = true;
    m_pausedUntil = {};
    evaluate();
}

void LendingPolicy::pauseFor(qint64 seconds)
{
    m_forced = false;
    m_pausedUntil = m_clock->nowLocal().addSecs(seconds);
    evaluate();
}

void LendingPolicy::pauseUntilTomorrow()
{
    m_forced = false;
    const QDateTime now = m_clock->nowLocal();
    m_pausedUntil = QDateTime(now.date().addDays(1), QTime(0, 0), now.timeSpec(),
                              now.timeSpec() == Qt::OffsetFromUTC ? now.offsetFromUtc() : 0);
    evaluate();
}

void LendingPolicy::resume()
{
    m_pausedUntil = {};
    evaluate();
}

void LendingPolicy::forceStopAll()
{
    for (qint64 id : std::as_const(m_running)) {
        if (m_stopSent.contains(id))
            continue;
        m_stopSent.insert(id);
        emit stopRequested(id, QString::fromLatin1(kOwnerForcedStop));
    }
}

void LendingPolicy::setRunningInstances(const QList<qint64> &ids)
{
    m_running = ids;
    for (auto it = m_stopAt.begin(); it != m_stopAt.end();)
        it = ids.contains(it.key()) ? std::next(it) : m_stopAt.erase(it);
    for (auto it = m_stopSent.begin(); it != m_stopSent.end();)
        it = ids.contains(*it) ? std::next(it) : m_stopSent.erase(it);
    evaluate();
}

void LendingPolicy::setEngineError(const QString &message)
{
    m_engineError = message;
    evaluate();
}

QString LendingPolicy::idleSourceName() const
{
    return m_idle ? m_idle->name() : QString();
}

LendingPolicy::Verdict LendingPolicy::judge(const QDateTime &now)
{
    // Read the sources every tick, whatever the outcome, so the Lend view shows live values.
    IdleReading idle =
        m_idle ? m_idle->read() : IdleReading::unavailable(u"no idle-time source is built in"_s);
    m_lastIdleMs =
        idle.status == IdleReading::Status::Known ? std::optional(idle.idleMs) : std::nullopt;
    m_idleDetail = idle.detail;
    const GpuActivity gpu = m_gpu ? m_gpu->sample() : GpuActivity{};

    if (!m_settings.enabled)
        return {State::Off, Reason::Disabled, false, true};
    if (!m_engineError.isEmpty())
        return {State::Error, Reason::EngineError, false, false};
    if (m_pausedUntil.isValid()) {
        if (now < m_pausedUntil)
            return {State::Paused, Reason::ManualPause, false, true};
        m_pausedUntil = {};
    }
    if (m_settings.pauseOnGpuUse && !gpu.foreignPids.isEmpty())
        return {State::Paused, Reason::GpuInUse, false, true};
    if (m_settings.pauseOnGpuUse && gpu.fullscreen)
        return {State::Paused, Reason::Fullscreen, false, true};
    // Caps withdraw the listing only: the heat is the renter's work, and the GPU's own
    // power limit protects the card; stopping a rental for it would punish the renter.
    if (m_settings.maxTemperatureC > 0 && gpu.maxTemperatureC > m_settings.maxTemperatureC)
        return {State::Paused, Reason::TooHot, false, false};
    if (m_settings.maxPowerW > 0 && gpu.totalPowerW > m_settings.maxPowerW)
        return {State::Paused, Reason::PowerCap, false, false};
    if (m_forced)
        return {State::Listed, Reason::None, true, false};
    if (!m_settings.windows.isEmpty()) {
        HostConfig schedule;
        schedule.windows = m_settings.windows;
        if (!schedule.lendsAt(now))
            return {State::WaitingForIdle, Reason::OutsideSchedule, false, true};
    }
    if (m_settings.requireIdle) {
        switch (idle.status) {
        case IdleReading::Status::Unavailable:
            // The owner asked for "only when idle" and nothing can tell: never pretend.
            return {State::Error, Reason::IdleUnknown, false, false};
        case IdleReading::Status::Pending:
            return {State::WaitingForIdle, Reason::None, false, false};
        case IdleReading::Status::Known:
            if (idle.idleMs < qint64(m_settings.idleMinutes) * 60'000)
                return {State::WaitingForIdle, Reason::UserActive, false, true};
            break;
        }
    }
    return {State::Listed, Reason::None, true, false};
}

void LendingPolicy::evaluate()
{
    const QDateTime now = m_clock->nowLocal();
    const Verdict v = judge(now);

    // State first, so that a slot of listingChanged reads the reason that goes with it.
    State state = v.state;
    if (!m_running.isEmpty() && state != State::Off && state != State::Error)
        state = State::Rented; // the reason says why it is no longer listed, if it is not
    const bool stateChanges = state != m_state || v.reason != m_reason;
    m_state = state;
    m_reason = v.reason;

    if (v.lendable != m_listed) {
        m_listed = v.lendable;
        emit listingChanged(m_listed);
    }

    if (v.lendable) {
        // The owner left again before the grace ended: the notices lapse.
        m_stopAt.clear();
    } else if (v.ownerBack && m_settings.interruptible) {
        for (qint64 id : std::as_const(m_running)) {
            if (m_stopSent.contains(id))
                continue;
            auto it = m_stopAt.find(id);
            if (it == m_stopAt.end()) {
                it = m_stopAt.insert(id, now.addSecs(m_settings.graceS));
                emit rentalNoticed(id, it.value(), QString::fromLatin1(kOwnerReturned));
            }
            if (now >= it.value()) {
                m_stopSent.insert(id);
                emit stopRequested(id, QString::fromLatin1(kOwnerReturned));
            }
        }
    }

    if (stateChanges)
        emit stateChanged(m_state, m_reason);
}

} // namespace suanli::host
