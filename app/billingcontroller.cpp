#include "billingcontroller.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace suanli::app {

BillingController::BillingController(client::MarketClient *client, client::EventStream *events, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(events, &client::EventStream::balanceChanged, this,
            [this](qint64 balance, const QString &currency) {
        setBalance(balance, currency);
        // Ledger entries come with balance changes; fetch them once the burst settles.
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(events, &client::EventStream::resynced, this, &BillingController::refresh);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, &BillingController::refresh);
}

void BillingController::setBalance(Micro balance, const QString &currency)
{
    const bool changed = !m_known || balance != m_balance || currency != m_currency;
    m_known = true;
    m_balance = balance;
    if (!currency.isEmpty())
        m_currency = currency;
    m_model.setCurrency(m_currency);
    if (changed)
        emit balanceChanged(m_balance, m_currency);
}

void BillingController::reload()
{
    m_pending.clear();
    fetch(++m_generation, 0, true);
}

void BillingController::refresh()
{
    m_pending.clear();
    fetch(++m_generation, m_model.lastId(), false);
}

void BillingController::fetch(quint64 generation, qint64 afterId, bool replace)
{
    m_client->ledger(afterId, kPage, this,
                     [this, generation, replace](Result<QList<protocol::LedgerEntry>> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            emit loadFailed(page.error());
            return;
        }
        m_pending.append(*page);
        if (page->size() == kPage) {
            fetch(generation, page->last().id, replace);
            return;
        }
        if (replace)
            m_model.setEntries(m_pending);
        else
            m_model.append(m_pending);
        m_pending.clear();
    });
}

void BillingController::redeem(const QString &code)
{
    m_client->redeemVoucher(code.trimmed(), this, [this](Result<client::Balance> r) {
        if (!r) {
            emit redeemFailed(r.error());
            return;
        }
        setBalance(r->balance_micro, r->currency);
        emit redeemed(r->balance_micro);
        refresh();
    });
}

void BillingController::exportCsv(const QString &path)
{
    m_client->ledgerCsv(this, [this, path](Result<QByteArray> csv) {
        if (!csv) {
            emit exportFailed(csv.error());
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit()) {
            emit exportFailed(makeError(u"write_failed"_s,
                                        tr("Cannot write %1: %2").arg(path, file.errorString())));
            return;
        }
        emit exported(path);
    });
}

} // namespace suanli::app
