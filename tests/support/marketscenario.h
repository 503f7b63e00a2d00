#pragma once

#include "marketharness.h"

#include <QTest>

namespace suanli::testing {

/// A lender with one listed host whose scripted agent is connected, and a renter with money.
struct Scenario
{
    MarketHarness::Account lender;
    MarketHarness::Account renter;
    qint64 hostId = 0;
    QByteArray hostToken;
    std::unique_ptr<ScriptedAgent> agent;

    /// Returns false (with a QTest failure message) when a step fails.
    bool setUp(MarketHarness &h, int gpus, Micro priceGpuHour, Micro storagePrice = 300'000,
               Micro renterTopup = 100 * kMicroPerUnit, bool interruptible = false)
    {
        lender = h.createAccount(u"lender"_qs, {u"lender"_qs});
        renter = h.createAccount(u"renter"_qs, {u"renter"_qs}, renterTopup);
        auto created = h.post(u"/api/v1/hosts"_qs, lender.token, {{u"name"_qs, u"rig-1"_qs}});
        if (created.status != 201) {
            qWarning("create host: %d %s", created.status, created.body.constData());
            return false;
        }
        hostId = created.json.value(u"host"_qs).toObject().value(u"id"_qs).toInteger();
        hostToken = created.json.value(u"token"_qs).toString().toLatin1();
        auto listed = h.request("PATCH", u"/api/v1/hosts/%1"_qs.arg(hostId), lender.token,
                                QJsonDocument(QJsonObject{{u"listed"_qs, true},
                                                          {u"price_gpu_hour_micro"_qs, priceGpuHour},
                                                          {u"price_storage_gb_month_micro"_qs,
                                                           storagePrice},
                                                          {u"interruptible"_qs, interruptible}})
                                    .toJson());
        if (listed.status != 200) {
            qWarning("list host: %d %s", listed.status, listed.body.constData());
            return false;
        }
        agent = std::make_unique<ScriptedAgent>(h.baseUrl(), hostToken);
        return agent->connectAndHello(gpus);
    }

    /// Creates an instance and walks it to running through the agent. Returns its id or 0.
    qint64 launch(MarketHarness &h, int gpus = 1, qint64 diskGb = 50)
    {
        auto r = h.post(u"/api/v1/instances"_qs, renter.token,
                        {{u"offer_id"_qs, hostId},
                         {u"gpu_count"_qs, gpus},
                         {u"image"_qs, u"localhost/suanli/base:bookworm"_qs},
                         {u"disk_gb"_qs, diskGb},
                         {u"ssh_public_key"_qs, testPublicKey()}});
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return 0;
        }
        const qint64 id = r.json.value(u"id"_qs).toInteger();
        const QJsonObject command = agent->take(u"command"_qs);
        if (command.value(u"action"_qs).toString() != u"create"_qs
            || command.value(u"instance_id"_qs).toInteger() != id) {
            qWarning("no create command for %lld", static_cast<long long>(id));
            return 0;
        }
        agent->send({{u"type"_qs, u"ack"_qs}, {u"command_id"_qs, command.value(u"id"_qs)}});
        agent->report(id, u"provisioning"_qs);
        agent->report(id, u"running"_qs, {}, command.value(u"id"_qs).toString());
        if (!waitForState(h, id, u"running"_qs))
            return 0;
        return id;
    }

    bool waitForState(MarketHarness &h, qint64 id, const QString &state)
    {
        const bool reached = QTest::qWaitFor(
            [&] {
                auto instance = h.store().instance(id);
                return instance && protocol::toString(instance->state) == state;
            },
            5000);
        if (reached)
            return true;
        qWarning("instance %lld never reached %s", static_cast<long long>(id), qPrintable(state));
        return false;
    }

    Micro balance(MarketHarness &h, qint64 accountId)
    {
        auto a = h.store().account(accountId);
        return a ? a->balance_micro : -1;
    }
};

} // namespace suanli::testing
