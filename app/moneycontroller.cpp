#include "moneycontroller.h"

#include <QUuid>

namespace suanli::app {

MoneyController::MoneyController(client::MarketClient *client, client::EventStream *events,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(events, &client::EventStream::topUpChanged, this,
            [this](const protocol::TopUpOrder &order) {
                noteTopUp(order);
                if (order.state == QLatin1String("paid"))
                    emit topUpPaid(order);
            });
    connect(events, &client::EventStream::payoutChanged, this,
            [this](const protocol::Payout &payout) {
                // An event carries the payout as it is when the market reads the ledger, so
                // two entries read together tell the same state twice: say it once.
                const bool moved = payout.state != QLatin1String("requested") &&
                                   m_announced.value(payout.id) != payout.state;
                if (moved)
                    m_announced.insert(payout.id, payout.state);
                notePayout(payout);
                reloadPayouts(); // the summary moves with it
                if (moved)
                    emit payoutStateChanged(payout);
            });
    // After a reconnect, what changed meanwhile came as no event.
    connect(events, &client::EventStream::resynced, this, [this] {
        reloadTopUps();
        reloadPayouts();
    });
}

void MoneyController::reloadTopUps()
{
    m_client->topUps(this, [this](Result<QList<protocol::TopUpOrder>> r) {
        if (!r)
            return emit loadFailed(r.error());
        m_topUps = std::move(r).value();
        emit topUpsChanged();
    });
}

void MoneyController::createTopUp(Micro amount)
{
    // One key per click: a retried request gets the same order, never a second one.
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_client->createTopUp(amount, key, this, [this](Result<protocol::TopUpOrder> r) {
        if (!r)
            return emit topUpFailed(r.error());
        noteTopUp(*r);
        emit topUpCreated(*r);
    });
}

void MoneyController::reloadPayouts()
{
    m_client->payoutSummary(this, [this](Result<protocol::PayoutSummary> r) {
        if (!r)
            return emit loadFailed(r.error());
        m_summary = *r;
        m_hasSummary = true;
        emit payoutsChanged();
    });
    m_client->payouts(this, [this](Result<QList<protocol::Payout>> r) {
        if (!r)
            return emit loadFailed(r.error());
        m_payouts = std::move(r).value();
        emit payoutsChanged();
    });
}

void MoneyController::requestPayout(Micro amount, const QString &destination)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_client->requestPayout({amount, destination}, key, this, [this](Result<protocol::Payout> r) {
        if (!r)
            return emit payoutFailed(r.error());
        notePayout(*r);
        emit payoutRequested(*r);
        reloadPayouts();
    });
}

void MoneyController::noteTopUp(const protocol::TopUpOrder &order)
{
    for (auto &o : m_topUps) {
        if (o.id == order.id) {
            o = order;
            emit topUpsChanged();
            return;
        }
    }
    m_topUps.prepend(order);
    emit topUpsChanged();
}

void MoneyController::notePayout(const protocol::Payout &payout)
{
    for (auto &p : m_payouts) {
        if (p.id == payout.id) {
            p = payout;
            emit payoutsChanged();
            return;
        }
    }
    m_payouts.prepend(payout);
    emit payoutsChanged();
}

} // namespace suanli::app
