#pragma once

#include "hostengine.h"
#include "lendingpolicy.h"

#include <QObject>

namespace suanli::host {

/// GPU activity as the engine last sampled it: processes outside this agent's containers,
/// the hottest GPU, total power. (Fullscreen detection is the desktop's: see
/// LendingBinding::setFullscreenProbe.)
class EngineGpuActivity final : public GpuActivitySource
{
public:
    explicit EngineGpuActivity(const HostEngine *engine, std::function<bool()> fullscreen = {})
        : m_engine(engine)
        , m_fullscreen(std::move(fullscreen))
    {}
    GpuActivity sample() override;

private:
    const HostEngine *m_engine;
    std::function<bool()> m_fullscreen;
};

/// Makes the engine act on the policy: the listing follows listingChanged (availability),
/// notices and owner stops go to the instances, and the engine's running instances and
/// failures flow back into the policy.
class LendingBinding : public QObject
{
    Q_OBJECT
public:
    LendingBinding(HostEngine *engine, LendingPolicy *policy, QObject *parent = nullptr);

    /// Stable snake_case for the wire and logs: "owner_active", "gpu_in_use", …
    static QString reasonCode(LendingPolicy::Reason reason);

private:
    void syncRunning();

    HostEngine *m_engine;
    LendingPolicy *m_policy;
};

} // namespace suanli::host
