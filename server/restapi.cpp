#include "restapi.h"

#include "agentchannel.h"
#include "appeventhub.h"
#include "authenticator.h"
#include "metrics.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace suanli::server {

RestApi::RestApi(const Parts &parts)
    : m_store(parts.store)
    , m_auth(parts.auth)
    , m_metrics(parts.metrics)
    , m_agents(parts.agents)
    , m_apps(parts.apps)
    , m_accounts(parts.store, parts.publisher)
    , m_catalog(parts.store, parts.metrics)
    , m_instances(parts.store, parts.clock, parts.publisher, parts.instances, parts.idle)
    , m_hosts(parts.store)
{}

HttpReply RestApi::route(const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const QString path = request.url().path();

    // The size limit comes first: nothing is parsed or looked up for an oversized body.
    const qint64 declared = request.value("content-length").toLongLong();
    if (declared > kMaxBodyBytes || request.body().size() > kMaxBodyBytes)
        return errorReply(413, u"body_too_large"_s, u"request bodies are limited to 1 MiB"_s);

    if (path == "/healthz"_L1 && method == Method::Get)
        return jsonReply(200, {{u"status"_s, u"ok"_s}});
    if (path == "/metrics"_L1 && method == Method::Get)
        return metricsText();
    if (!path.startsWith("/api/v1/"_L1))
        return errorReply(404, u"not_found"_s, u"no such endpoint"_s);

    auto principal = m_auth.authenticate(request.value("authorization"));
    if (!principal)
        return errorReply(401, principal.error().code, principal.error().message);
    const Principal &who = *principal;
    if (who.kind != Principal::Kind::Account)
        return errorReply(403, u"forbidden"_s, u"host tokens may only open the agent channel"_s);

    const QStringList parts = path.mid(8).split(u'/');
    const QString head = parts.value(0);
    const int n = int(parts.size());
    auto badMethod = [] {
        return errorReply(405, u"method_not_allowed"_s, u"method not allowed here"_s);
    };
    auto idAt = [&parts](int index) -> qint64 {
        bool ok = false;
        const qint64 id = parts.value(index).toLongLong(&ok);
        return ok && id > 0 ? id : -1;
    };

    if (head == "me"_L1 && n == 1) {
        if (method == Method::Patch)
            return m_accounts.patchMe(who, request);
        return method == Method::Get ? m_accounts.me(who) : badMethod();
    }
    if (head == "vouchers"_L1 && n == 2 && parts[1] == "redeem"_L1)
        return method == Method::Post ? m_accounts.redeem(who, request) : badMethod();
    if (head == "offers"_L1 && n == 1)
        return method == Method::Get ? m_catalog.offers(request) : badMethod();
    if (head == "images"_L1 && n == 1)
        return method == Method::Get ? m_catalog.images() : badMethod();
    if (head == "pricing"_L1 && n == 1)
        return method == Method::Get ? m_catalog.pricing(request) : badMethod();
    if (head == "ledger"_L1 && n == 1)
        return method == Method::Get ? m_accounts.ledger(who, request, false) : badMethod();
    if (head == "ledger.csv"_L1 && n == 1)
        return method == Method::Get ? m_accounts.ledger(who, request, true) : badMethod();
    if (head == "earnings"_L1 && n == 1)
        return method == Method::Get ? m_accounts.earnings(who) : badMethod();
    if (head == "instances"_L1) {
        if (n == 1) {
            if (method == Method::Post)
                return m_instances.createInstance(who, request);
            return method == Method::Get ? m_instances.listInstances(who) : badMethod();
        }
        const qint64 id = idAt(1);
        if (id < 0)
            return noSuchInstance();
        if (n == 2) {
            if (method == Method::Get)
                return m_instances.instanceAction(who, id, u"get"_s);
            if (method == Method::Patch)
                return m_instances.patchInstance(who, id, request);
            return method == Method::Delete ? m_instances.instanceAction(who, id, u"destroy"_s)
                                            : badMethod();
        }
        if (n == 3 && (parts[2] == "stop"_L1 || parts[2] == "start"_L1))
            return method == Method::Post ? m_instances.instanceAction(who, id, parts[2])
                                          : badMethod();
        if (n == 3 && parts[2] == "events"_L1)
            return method == Method::Get ? m_instances.instanceHistory(who, id) : badMethod();
        if (n == 3 && parts[2] == "logs"_L1)
            return method == Method::Get ? m_instances.instanceLogs(who, id, request) : badMethod();
        if (n == 3 && parts[2] == "telemetry"_L1)
            return method == Method::Get ? m_instances.instanceTelemetry(who, id, request)
                                         : badMethod();
    }
    if (head == "hosts"_L1) {
        if (n == 1) {
            if (method == Method::Post)
                return m_hosts.createHost(who, request);
            return method == Method::Get ? m_hosts.listHosts(who) : badMethod();
        }
        const qint64 id = idAt(1);
        if (n == 2 && id > 0)
            return method == Method::Patch ? m_hosts.patchHost(who, id, request) : badMethod();
    }
    return errorReply(404, u"not_found"_s, u"no such endpoint"_s);
}

HttpReply RestApi::metricsText()
{
    QByteArray out = m_metrics.render();
    out += "# HELP suanli_instances Instances by state.\n# TYPE suanli_instances gauge\n";
    if (auto counts = m_store.instanceCountsByState()) {
        for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
            out += "suanli_instances{state=\"" + it.key().toUtf8() + "\"} " +
                   QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP suanli_agents_connected Agents connected to this process.\n"
           "# TYPE suanli_agents_connected gauge\nsuanli_agents_connected " +
           QByteArray::number(m_agents.count()) + '\n';
    out += "# HELP suanli_app_sockets Event sockets open on this process.\n"
           "# TYPE suanli_app_sockets gauge\nsuanli_app_sockets " +
           QByteArray::number(m_apps.socketCount()) + '\n';
    out += "# HELP suanli_ledger_total_micro Sum of ledger amounts by kind.\n"
           "# TYPE suanli_ledger_total_micro gauge\n";
    if (auto totals = m_store.ledgerTotalsByKind()) {
        for (auto it = totals->constBegin(); it != totals->constEnd(); ++it)
            out += "suanli_ledger_total_micro{kind=\"" + it.key().toUtf8() + "\"} " +
                   QByteArray::number(it.value()) + '\n';
    }
    return {200, out, "text/plain; version=0.0.4"};
}

} // namespace suanli::server
