#include "localhost.h"

#include "marketclient.h"
#include "secretstore.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace suanli::app {

namespace {
QString hostTokenKey(const QUrl &market)
{
    return u"host-token/"_s + market.toString(QUrl::RemovePath | QUrl::RemoveQuery);
}
} // namespace

LocalHost::LocalHost(MarketClient *client, SecretStore *secrets, const QString &dataFolder,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(secrets)
    , m_dataFolder(dataFolder)
{
}

LocalHost::~LocalHost() = default;

bool LocalHost::engineAvailable()
{
#ifdef SUANLI_HAVE_HOST_ENGINE
    return true;
#else
    return false;
#endif
}

void LocalHost::setState(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    emit stateChanged(state, detail);
}

void LocalHost::start(const QUrl &marketUrl)
{
    m_marketUrl = marketUrl;
    if (!engineAvailable()) {
        setState(State::Unavailable,
                 tr("This build has no host agent engine, so this computer is not lent; "
                    "the catalog shows other hosts of this market."));
        return;
    }
    ensureHostToken();
}

void LocalHost::stop()
{
    // The engine's stop goes here once it is wired (see startEngine).
    setState(State::Stopped, tr("Not lending this computer."));
}

void LocalHost::ensureHostToken()
{
    setState(State::Registering, tr("Registering this computer with the local market…"));
    const QString key = hostTokenKey(m_marketUrl);
    m_secrets->read(key, this, [this, key](Result<QString> token) {
        if (token) {
            startEngine(token->toLatin1());
            return;
        }
        m_client->createHost(QSysInfo::machineHostName(), this,
                             [this, key](Result<CreatedHost> created) {
            if (!created) {
                setState(State::Failed, tr("Cannot register this computer: %1")
                                            .arg(created.error().message));
                return;
            }
            const QByteArray hostToken = created->token;
            m_secrets->write(key, QString::fromLatin1(hostToken), this,
                             [this, hostToken](Result<void>) { startEngine(hostToken); });
        });
    });
}

void LocalHost::startEngine(const QByteArray &hostToken)
{
    Q_UNUSED(hostToken);
    setState(State::Starting, tr("Starting the host agent…"));
#ifdef SUANLI_HAVE_HOST_ENGINE
    // Wiring point for the suanli_host engine: construct it here with m_marketUrl, hostToken
    // and m_dataFolder (its journal), connect its state to setState(Lending/Failed), and stop
    // it in stop(). The engine's API lands with the host-agent issue.
    setState(State::Failed, tr("The host agent engine is not wired into the app yet."));
#endif
}

} // namespace suanli::app
