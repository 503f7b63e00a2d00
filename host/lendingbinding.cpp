#include "lendingbinding.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::host {

GpuActivity EngineGpuActivity::sample()
{
    GpuActivity a;
    const QSet<qint64> ours = m_engine->containerPids();
    for (const GpuReading &r : m_engine->lastGpuReadings()) {
        for (const GpuProcess &p : GpuUsage::foreignProcesses(r, ours))
            a.foreignPids.append(p.pid);
        a.maxTemperatureC = std::max(a.maxTemperatureC, r.temperature_c);
        a.totalPowerW += r.power_w;
    }
    a.fullscreen = m_fullscreen && m_fullscreen();
    return a;
}

LendingBinding::LendingBinding(HostEngine *engine, LendingPolicy *policy, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_policy(policy)
{
    connect(policy, &LendingPolicy::listingChanged, this, [this](bool listed) {
        m_engine->setAvailable(listed, reasonCode(m_policy->reason()));
    });
    connect(policy, &LendingPolicy::rentalNoticed, engine, &HostEngine::noticeInstance);
    connect(policy, &LendingPolicy::stopRequested, engine, &HostEngine::stopInstance);
    connect(engine, &HostEngine::instanceChanged, this, &LendingBinding::syncRunning);
    connect(engine, &HostEngine::failed, this,
            [this](const Error &e) { m_policy->setEngineError(e.message); });
    connect(engine, &HostEngine::statusChanged, this, [this](HostEngine::Status s) {
        if (s == HostEngine::Status::Online || s == HostEngine::Status::Connecting)
            m_policy->setEngineError({});
        // Instances adopted after a restart are not reported as changes: look again.
        syncRunning();
    });
    syncRunning();
    m_engine->setAvailable(policy->isListed(), reasonCode(policy->reason()));
}

void LendingBinding::syncRunning()
{
    QList<qint64> running;
    for (const InstanceRecord &r : m_engine->instances()) {
        if (r.state == protocol::InstanceState::Running)
            running.append(r.id);
    }
    if (running != m_policy->runningInstances())
        m_policy->setRunningInstances(running);
}

QString LendingBinding::reasonCode(LendingPolicy::Reason reason)
{
    using R = LendingPolicy::Reason;
    switch (reason) {
    case R::None:
        return {};
    case R::Disabled:
        return u"lending_off"_s;
    case R::OutsideSchedule:
        return u"outside_schedule"_s;
    case R::UserActive:
        return u"owner_active"_s;
    case R::GpuInUse:
        return u"gpu_in_use"_s;
    case R::Fullscreen:
        return u"fullscreen_app"_s;
    case R::TooHot:
        return u"temperature_cap"_s;
    case R::PowerCap:
        return u"power_cap"_s;
    case R::ManualPause:
        return u"paused_by_owner"_s;
    case R::IdleUnknown:
        return u"idle_unknown"_s;
    case R::EngineError:
        return u"agent_error"_s;
    }
    return {};
}

} // namespace suanli::host
