#pragma once

#include "host/hostengine.h"
#include "support/marketharness.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace suanli::testing {

/// A real market on loopback with a lender whose host is registered and listed, a renter with
/// money and an ed25519 key, and a host config in a temporary folder. The agent under test is
/// either in-process (startEngine) or the suanli-host binary (startProcess).
class HostTestBed
{
public:
    static constexpr auto kImage = "localhost/suanli/base:bookworm";

    /// `iniExtra`: sections appended to host.ini; `agentExtra`: lines added to its [agent].
    explicit HostTestBed(const QString &iniExtra = {}, const QString &agentExtra = {});
    ~HostTestBed();
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    MarketHarness &market() { return *m_market; }
    QString dir() const { return m_dir.path(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("host.ini")); }
    QString tokenPath() const { return m_dir.filePath(QStringLiteral("host.token")); }
    qint64 hostId() const { return m_hostId; }
    const QByteArray &renterToken() const { return m_renter.token; }
    QString renterKey() const { return m_dir.filePath(QStringLiteral("renter")); }

    host::HostEngine *startEngine();
    /// A second host on the same market (another lender's, listed at ¥2 per GPU-hour) with
    /// its own state folder and ports, its agent in-process: for tests of two hosts (clone and
    /// move). `iniExtra` as for the first.
    host::HostEngine *startSecondHost(const QString &iniExtra = {});
    host::HostEngine *secondEngine() { return m_engine2.get(); }
    void stopSecondEngine() { m_engine2.reset(); }
    qint64 secondHostId() const { return m_hostId2; }
    host::HostEngine *engine() { return m_engine.get(); }
    void stopEngine() { m_engine.reset(); }

    /// Runs build-host/host/suanli-host run … as a child process (kill -9 in tests).
    QProcess *startProcess();
    QProcess *process() { return m_process.get(); }

    /// Waits until the market lists the host's offer (its agent said hello).
    bool waitOfferListed(int timeoutMs = 20000);
    /// Asks `holds` about every 100 ms (each time is typically a request to the market or a
    /// podman command) until it holds or timeoutMs has passed; the event loop runs between.
    template <typename Predicate> static bool poll(Predicate holds, int timeoutMs)
    {
        QElapsedTimer sinceAsked;
        return QTest::qWaitFor(
            [&] {
                if (sinceAsked.isValid() && sinceAsked.elapsed() < 100)
                    return false;
                sinceAsked.start();
                return bool(holds());
            },
            timeoutMs);
    }
    /// POST /api/v1/instances; returns the instance id or 0.
    qint64 createInstance(const QJsonObject &extra = {},
                          const QString &image = QString::fromLatin1(kImage));
    QJsonObject instance(qint64 id);
    /// Polls until the instance is in `state`; returns the last instance JSON seen.
    QJsonObject waitState(qint64 id, const QString &state, int timeoutMs = 60000);

    /// ssh with the renter key and StrictHostKeyChecking=yes against a known_hosts made from
    /// the instance's ssh.host_key. Returns exit code; output in *output.
    int ssh(const QJsonObject &instance, const QString &command, QByteArray *output = nullptr,
            int timeoutMs = 30000);

    /// podman (with the agent's runtime settings) run synchronously; exit code.
    int podman(const QStringList &args, QByteArray *output = nullptr);
    QString containerName(qint64 instanceId) const;
    /// podman's state of the instance's container ("running", "exited", …; empty if none).
    QString containerState(qint64 instanceId);
    /// `suanli-host status --json` on this bed's config (the journal as the agent left it).
    QJsonObject agentStatus();

    static QString agentBinary();

private:
    QString m_error;
    QTemporaryDir m_dir;
    std::unique_ptr<MarketHarness> m_market;
    MarketHarness::Account m_lender;
    MarketHarness::Account m_renter;
    qint64 m_hostId = 0;
    std::unique_ptr<host::HostEngine> m_engine;
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dir2;
    qint64 m_hostId2 = 0;
    std::unique_ptr<host::HostEngine> m_engine2;
    void removeLeftovers(const QString &stateDir);
};

} // namespace suanli::testing
