#include "localmarket.h"

#include "protocol/clock.h"
#include "server/authenticator.h"
#include "server/market.h"
#include "server/sqlstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace suanli::app {

namespace {
const QString kLocalAccount = u"local"_s;
}

/// Lives in the market thread and owns everything there.
class LocalMarket::Worker : public QObject
{
    Q_OBJECT
public:
    Worker(QString dataFolder, quint16 port)
        : m_dataFolder(std::move(dataFolder))
        , m_port(port)
    {
    }

    void run()
    {
        if (!QDir().mkpath(m_dataFolder)) {
            emit failed(makeError(u"data_folder"_s,
                                  LocalMarket::tr("Cannot create the data folder %1.").arg(m_dataFolder)));
            return;
        }
        auto store = server::SqlStore::open(u"sqlite:"_s + QDir(m_dataFolder).filePath(u"market.db"_s),
                                            server::MarketPolicy{}, u"suanli-local-market"_s);
        if (!store) {
            emit failed(store.error());
            return;
        }
        auto account = prepareAccount(**store);
        if (!account) {
            emit failed(account.error());
            return;
        }
        const QByteArray token = server::generateToken("sk_");
        if (auto r = (*store)->addToken(QCryptographicHash::hash(token, QCryptographicHash::Sha256),
                                        *account, 0);
            !r) {
            emit failed(r.error());
            return;
        }
        m_market = std::make_unique<server::Market>(std::move(store).value(), m_clock);
        auto port = m_market->start(QHostAddress::LocalHost, m_port);
        if (!port) {
            m_market.reset();
            emit failed(port.error());
            return;
        }
        emit started(QUrl(u"http://127.0.0.1:%1"_s.arg(*port)), token);
    }

signals:
    void started(const QUrl &url, const QByteArray &token);
    void failed(const suanli::Error &error);

private:
    /// The local account, created with its starting voucher on first run.
    Result<qint64> prepareAccount(server::SqlStore &store)
    {
        auto existing = store.findAccount(kLocalAccount);
        if (existing)
            return existing;
        auto id = store.createAccount(kLocalAccount, {u"renter"_s, u"lender"_s});
        if (!id)
            return id;
        // The voucher goes through the market's voucher path, so the ledger shows it as any
        // other voucher (kind "voucher", its own idempotency key).
        static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        QString code = u"LOCAL-"_s;
        for (int i = 0; i < 16; ++i)
            code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
        if (auto r = store.createVoucher(code, LocalMarket::kStartingVoucherMicro); !r)
            return r.error();
        if (auto r = store.redeemVoucher(*id, code); !r)
            return r.error();
        return id;
    }

    QString m_dataFolder;
    quint16 m_port;
    SystemClock m_clock;
    std::unique_ptr<server::Market> m_market;
};

LocalMarket::LocalMarket(const QString &dataFolder, quint16 port, QObject *parent)
    : QObject(parent)
    , m_dataFolder(dataFolder)
    , m_port(port)
{
    qRegisterMetaType<suanli::Error>("suanli::Error");
    m_thread.setObjectName(u"local-market"_s);
}

LocalMarket::~LocalMarket()
{
    // The market and its database connection are destroyed in their own thread as it ends.
    m_thread.quit();
    m_thread.wait();
}

QString LocalMarket::databasePath() const
{
    return QDir(m_dataFolder).filePath(u"market.db"_s);
}

void LocalMarket::start()
{
    if (m_worker)
        return;
    m_worker = new Worker(m_dataFolder, m_port);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &Worker::run);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::started, this, [this](const QUrl &url, const QByteArray &token) {
        m_url = url;
        emit started(url, token);
    });
    connect(m_worker, &Worker::failed, this, &LocalMarket::failed);
    m_thread.start();
}

} // namespace suanli::app

#include "localmarket.moc"
