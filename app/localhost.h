#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace suanli::host {
class HostEngine;
}
namespace suanli::client {
class MarketClient;
}

namespace suanli::app {

using client::MarketClient;
class SecretStore;

/// Local mode's host agent: lends this machine to the in-process market through the host
/// agent engine of `host/` (library suanli_host), in this process. When the build has the
/// engine (SUANLI_HAVE_HOST_ENGINE), start() registers this machine as a host once (its sh_
/// token kept in the SecretStore), runs the engine (state folder `<data folder>/host`, an
/// optional `<data folder>/host.ini` in the format of docs/host.md) and lists the machine once
/// the engine knows what it has: CPU-only at kCpuOnlyPriceMicro an hour when no GPU is found.
/// Without the engine the state is Unavailable and says so — nothing pretends to be an agent.
class LocalHost : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Unavailable,
        Registering,
        Starting,
        Lending,
        Failed
    };
    Q_ENUM(State)

    LocalHost(client::MarketClient *client, SecretStore *secrets, const QString &dataFolder,
              QObject *parent = nullptr);
    ~LocalHost() override;

    /// True when the build includes the host agent engine.
    static bool engineAvailable();
    /// The hourly price a newly registered CPU-only machine is listed at (¥0.20).
    static constexpr qint64 kCpuOnlyPriceMicro = 200'000;

    void start(const QUrl &marketUrl);
    void stop();
    State state() const { return m_state; }
    /// One sentence for the status bar or the Lend view.
    QString detail() const { return m_detail; }
    /// The running engine (contributor mode binds its lending policy to it); null before.
    host::HostEngine *engine() const { return m_engine.get(); }

signals:
    void stateChanged(suanli::app::LocalHost::State state, const QString &detail);

private:
    void setState(State state, const QString &detail);
    void ensureHostToken();
    void startEngine(const QByteArray &hostToken);
    void onEngineStatus(int status);
    void listOnce();

    client::MarketClient *m_client;
    SecretStore *m_secrets;
    QString m_dataFolder;
    QUrl m_marketUrl;
    State m_state = State::Stopped;
    QString m_detail;
    std::unique_ptr<host::HostEngine> m_engine;
    qint64 m_cpuOnlyPrice = kCpuOnlyPriceMicro;
    qint64 m_gpuPrice = 1'000'000;
    qint64 m_storagePrice = 300'000;
    bool m_listAfterOnline = false; ///< freshly registered: list it once the engine is online
    QString m_lastError;
};

} // namespace suanli::app
