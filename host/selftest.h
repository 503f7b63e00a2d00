#pragma once

#include "gpuprobe.h"
#include "hostconfig.h"
#include "podman.h"

#include <QObject>

#include <functional>

namespace suanli::host {

/// `suanli-host self-test`: can this machine lend? Each check reports ok, a warning or a
/// failure with what to do; any failure makes the command exit non-zero.
class SelfTest : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Ok,
        Warning,
        Failure
    };
    Q_ENUM(Outcome)

    SelfTest(HostConfig config, std::unique_ptr<GpuProbe> probe, QObject *parent = nullptr);
    void start();

    /// Parses "NVIDIA Container Toolkit CLI version 1.17.8" (nvidia-ctk --version) → {1,17,8}.
    static QList<int> toolkitVersion(const QString &text);
    /// CVE-2025-23266 is fixed in nvidia-container-toolkit 1.17.8.
    static bool toolkitIsSafe(const QList<int> &version);
    /// True where the CDI spec lists the GPU (by UUID) as a device.
    static bool cdiSpecListsGpu(const QByteArray &spec, const QString &uuid);
    /// GPUs may be lent only through CDI with a toolkit that has the CVE-2025-23266 fix:
    /// reads the CDI spec, runs `nvidia-ctk --version` (asynchronously) and answers once.
    static void verifyPassthrough(QObject *context, const QList<protocol::GpuInfo> &gpus,
                                  std::function<void(const Result<void> &)> done);

signals:
    void check(suanli::host::SelfTest::Outcome outcome, const QString &name, const QString &detail);
    void finished(bool ok);

private:
    void report(Outcome outcome, const QString &name, const QString &detail);
    void checkGpus(std::function<void()> next);
    void checkContainer(std::function<void()> next);
    void checkLocal();
    /// The `registrations` line: journals, containers and volumes of other host tokens.
    void checkRegistrations();
    /// The `network` line: the mode and, relayed, the relay key.
    void checkNetwork();
    void checkIsolation(bool rootless);

    HostConfig m_config;
    std::unique_ptr<GpuProbe> m_probe;
    Podman m_podman;
    std::unique_ptr<RuntimeDetector> m_detector;
    bool m_ok = true;
};

} // namespace suanli::host
