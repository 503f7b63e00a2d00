#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QUrl>

namespace suanli::app {

class MarketClient;
class SecretStore;

/// Local mode's host agent: lends this machine to the in-process market through the host
/// agent engine of `host/` (library suanli_host), in this process. The seam between the app
/// and that engine: when the build has the engine (SUANLI_HAVE_HOST_ENGINE), start() registers
/// this machine as a host once (its sh_ token kept in the SecretStore) and runs the engine;
/// without it, the state is Unavailable and says so — nothing pretends to be an agent.
class LocalHost : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Unavailable, Registering, Starting, Lending, Failed };
    Q_ENUM(State)

    LocalHost(MarketClient *client, SecretStore *secrets, const QString &dataFolder,
              QObject *parent = nullptr);
    ~LocalHost() override;

    /// True when the build includes the host agent engine.
    static bool engineAvailable();

    void start(const QUrl &marketUrl);
    void stop();
    State state() const { return m_state; }
    /// One sentence for the status bar or the Lend view.
    QString detail() const { return m_detail; }

signals:
    void stateChanged(suanli::app::LocalHost::State state, const QString &detail);

private:
    void setState(State state, const QString &detail);
    void ensureHostToken();
    void startEngine(const QByteArray &hostToken);

    MarketClient *m_client;
    SecretStore *m_secrets;
    QString m_dataFolder;
    QUrl m_marketUrl;
    State m_state = State::Stopped;
    QString m_detail;
};

} // namespace suanli::app
