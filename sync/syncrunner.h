#pragma once

#include "synccontrol.h"
#include "synctypes.h"

#include <functional>

namespace suanli::sync {

/// One run, start to end, in the thread that calls run(): connect, list both sides, plan,
/// then transfer with up to options.sessions threads (one SSH session each), journal as files
/// complete, links, deletions and folder times last. SyncJob is the Qt-facing handle.
class SyncRunner
{
public:
    SyncRunner(SyncOptions options, SyncControl &control);

    /// onPlan is called (in the runner's thread) once the plan is known.
    SyncReport run(const std::function<void(const SyncPlan &)> &onPlan);

private:
    SyncOptions m_options;
    SyncControl &m_control;
};

} // namespace suanli::sync
