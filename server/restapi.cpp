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
    , m_hosts(parts.store, parts.clock)
    , m_images(parts.store, parts.clock, parts.publisher)
    , m_sessions(parts.store, parts.clock, parts.apps)
    , m_speedTests(parts.clock)
    , m_money(parts.store, parts.clock)
{}

QString RestApi::routeTemplate(const QString &path)
{
    if (path == "/healthz"_L1 || path == "/metrics"_L1)
        return path;
    if (!path.startsWith("/api/v1/"_L1))
        return {};
    const QStringList parts = path.mid(8).split(u'/');
    const QString &head = parts[0];
    const QString prefix = u"/api/v1/"_s;
    // ---- money in and out (issue 18) ----
    if (const QString money = MoneyHandlers::routeTemplate(parts); !money.isEmpty())
        return prefix + money;
    // ---- end money ----
    switch (parts.size()) {
    case 1: {
        static const QStringList collections = {
            u"me"_s,         u"offers"_s,   u"images"_s,    u"pricing"_s,  u"ledger"_s,
            u"ledger.csv"_s, u"earnings"_s, u"instances"_s, u"hosts"_s,    u"market"_s,
            u"accounts"_s,   u"sessions"_s, u"tokens"_s,    u"speedtest"_s};
        return collections.contains(head) ? prefix + head : QString();
    }
    case 2:
        if (head == "vouchers"_L1 && parts[1] == "redeem"_L1)
            return prefix + u"vouchers/redeem"_s;
        if (head == "me"_L1 && parts[1] == "password"_L1)
            return prefix + u"me/password"_s;
        if (head == "tokens"_L1)
            return prefix + u"tokens/{id}"_s;
        if (head == "instances"_L1 || head == "hosts"_L1 || head == "images"_L1)
            return prefix + head + u"/{id}"_s;
        return {};
    case 3: {
        static const QStringList actions = {u"stop"_s,  u"start"_s,     u"events"_s, u"logs"_s,
                                            u"clone"_s, u"telemetry"_s, u"images"_s};
        if (head == "instances"_L1 && actions.contains(parts[2]))
            return prefix + u"instances/{id}/"_s + parts[2];
        return {};
    }
    default:
        return {};
    }
}

QString RestApi::routeLabel(const QString &path)
{
    const QString route = routeTemplate(path);
    return route.isEmpty() ? u"unmatched"_s : route;
}

HttpReply RestApi::route(const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const QString path = request.url().path();

    const QString route = routeTemplate(path);
    // The size limit comes first: nothing is parsed or looked up for an oversized body. The
    // upload test's is larger (the guard let it through: requestguard.h).
    const bool uploadTest = route == "/api/v1/speedtest"_L1 && method == Method::Post;
    const qint64 limit = uploadTest ? SpeedTestHandlers::kMaxBytes : kMaxBodyBytes;
    const qint64 declared = request.value("content-length").toLongLong();
    if (declared > limit || request.body().size() > limit)
        return errorReply(413, u"body_too_large"_s,
                          uploadTest ? u"the upload test is limited to 64 MiB"_s
                                     : u"request bodies are limited to 1 MiB"_s);

    if (route == "/healthz"_L1 && method == Method::Get)
        return jsonReply(200, {{u"status"_s, u"ok"_s}});
    if (route == "/metrics"_L1 && method == Method::Get)
        return metricsText();
    if (!path.startsWith("/api/v1/"_L1))
        return errorReply(404, u"not_found"_s, u"no such endpoint"_s);

    auto badMethod = [] {
        return errorReply(405, u"method_not_allowed"_s, u"method not allowed here"_s);
    };
    // The three routes without a token: what the market is, sign-up and sign-in.
    if (route == "/api/v1/market"_L1)
        return method == Method::Get ? m_sessions.marketInfo() : badMethod();
    if (route == "/api/v1/accounts"_L1)
        return method == Method::Post ? m_sessions.signUp(request) : badMethod();
    if (route == "/api/v1/sessions"_L1)
        return method == Method::Post ? m_sessions.signIn(request) : badMethod();
    // ---- money in and out (issue 18): the payment webhook carries a signature, no token ----
    if (route == "/api/v1/payments/webhook"_L1)
        return m_money.webhook(request);
    // ---- end money ----

    // Authentication before the 404 of an unknown /api/v1/ path: without a token nothing
    // tells which endpoints exist.
    auto principal = m_auth.authenticate(request.value("authorization"));
    if (!principal)
        return errorReply(401, principal.error().code, principal.error().message);
    const Principal &who = *principal;
    if (route == "/api/v1/speedtest"_L1) {
        // The agents' speed test, the one endpoint of a host token besides the agent channel.
        if (method != Method::Get && method != Method::Post)
            return badMethod();
        if (who.kind != Principal::Kind::Host)
            return errorReply(403, u"forbidden"_s, u"the speed test is for host tokens"_s);
        return method == Method::Get ? m_speedTests.download(who, request)
                                     : m_speedTests.upload(who, request);
    }
    if (who.kind != Principal::Kind::Account)
        return errorReply(403, u"forbidden"_s, u"host tokens may only open the agent channel"_s);
    if (route.isEmpty())
        return errorReply(404, u"not_found"_s, u"no such endpoint"_s);

    const QStringList parts = path.mid(8).split(u'/');
    const QStringView routeName = QStringView(route).mid(8); // after "/api/v1/"
    auto is = [routeName](QLatin1String name) { return routeName == name; };
    qint64 id = -1;
    if (parts.size() > 1) {
        bool ok = false;
        id = parts[1].toLongLong(&ok);
        if (!ok || id <= 0)
            id = -1;
    }

    // ---- money in and out (issue 18) ----
    {
        qint64 moneyId = -1; // /admin/topups/{id}/… and /admin/payouts/{id}/…
        if (parts.size() == 4) {
            bool ok = false;
            moneyId = parts[2].toLongLong(&ok);
            if (!ok || moneyId <= 0)
                moneyId = -1;
        }
        if (auto reply = m_money.route(who, routeName, moneyId, request))
            return *reply;
    }
    // ---- end money ----
    if (is("me"_L1)) {
        if (method == Method::Patch)
            return m_accounts.patchMe(who, request);
        return method == Method::Get ? m_accounts.me(who) : badMethod();
    }
    if (is("me/password"_L1))
        return method == Method::Post ? m_sessions.changePassword(who, request) : badMethod();
    if (is("tokens"_L1)) {
        if (method == Method::Post)
            return m_sessions.createToken(who, request);
        return method == Method::Get ? m_sessions.listTokens(who) : badMethod();
    }
    if (is("tokens/{id}"_L1))
        return method == Method::Delete ? m_sessions.revokeToken(who, id) : badMethod();
    if (is("vouchers/redeem"_L1))
        return method == Method::Post ? m_accounts.redeem(who, request) : badMethod();
    if (is("offers"_L1))
        return method == Method::Get ? m_catalog.offers(request) : badMethod();
    if (is("images"_L1))
        return method == Method::Get ? m_images.list(who) : badMethod();
    if (is("images/{id}"_L1)) {
        if (id < 0)
            return errorReply(404, u"image_not_found"_s, u"no such image"_s);
        return method == Method::Delete ? m_images.remove(who, id) : badMethod();
    }
    if (is("pricing"_L1))
        return method == Method::Get ? m_catalog.pricing(request) : badMethod();
    if (is("ledger"_L1))
        return method == Method::Get ? m_accounts.ledger(who, request, false) : badMethod();
    if (is("ledger.csv"_L1))
        return method == Method::Get ? m_accounts.ledger(who, request, true) : badMethod();
    if (is("earnings"_L1))
        return method == Method::Get ? m_accounts.earnings(who) : badMethod();
    if (is("instances"_L1)) {
        if (method == Method::Post)
            return m_instances.createInstance(who, request);
        return method == Method::Get ? m_instances.listInstances(who) : badMethod();
    }
    if (is("hosts"_L1)) {
        if (method == Method::Post)
            return m_hosts.createHost(who, request);
        return method == Method::Get ? m_hosts.listHosts(who) : badMethod();
    }
    if (is("hosts/{id}"_L1)) {
        if (id < 0)
            return errorReply(404, u"not_found"_s, u"no such endpoint"_s);
        return method == Method::Patch ? m_hosts.patchHost(who, id, request) : badMethod();
    }
    // What is left is /instances/{id} and its actions.
    if (id < 0)
        return noSuchInstance();
    if (is("instances/{id}"_L1)) {
        if (method == Method::Get)
            return m_instances.instanceAction(who, id, u"get"_s);
        if (method == Method::Patch)
            return m_instances.patchInstance(who, id, request);
        return method == Method::Delete ? m_instances.instanceAction(who, id, u"destroy"_s)
                                        : badMethod();
    }
    if (is("instances/{id}/stop"_L1) || is("instances/{id}/start"_L1))
        return method == Method::Post ? m_instances.instanceAction(who, id, parts[2], &request)
                                      : badMethod();
    if (is("instances/{id}/images"_L1))
        return method == Method::Post ? m_images.save(who, id, request) : badMethod();
    if (is("instances/{id}/clone"_L1))
        return method == Method::Post ? m_instances.cloneInstance(who, id, request) : badMethod();
    if (is("instances/{id}/events"_L1))
        return method == Method::Get ? m_instances.instanceHistory(who, id) : badMethod();
    if (is("instances/{id}/logs"_L1))
        return method == Method::Get ? m_instances.instanceLogs(who, id, request) : badMethod();
    if (is("instances/{id}/telemetry"_L1))
        return method == Method::Get ? m_instances.instanceTelemetry(who, id, request)
                                     : badMethod();
    return errorReply(404, u"not_found"_s, u"no such endpoint"_s);
}

HttpReply RestApi::metricsText()
{
    QByteArray out = m_metrics.render();
    out += "# HELP suanli_instances Instances by state.\n# TYPE suanli_instances gauge\n";
    if (auto counts = m_store.instanceCountsByState()) {
        for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
            out += Metrics::sample("suanli_instances", {{"state", it.key()}},
                                   QByteArray::number(it.value()));
    }
    out += "# HELP suanli_agents_connected Agents connected to this process.\n"
           "# TYPE suanli_agents_connected gauge\nsuanli_agents_connected " +
           QByteArray::number(m_agents.count()) + '\n';
    out += "# HELP suanli_app_sockets Event sockets open on this process.\n"
           "# TYPE suanli_app_sockets gauge\nsuanli_app_sockets " +
           QByteArray::number(m_apps.socketCount()) + '\n';
    // A gauge of signed sums read from the database, not a count of this process: no `_total`,
    // the suffix of counters (docs/market.md, "Metrics").
    out += "# HELP suanli_ledger_balance_micro Sum of ledger amounts by kind, in micro-units.\n"
           "# TYPE suanli_ledger_balance_micro gauge\n";
    if (auto totals = m_store.ledgerTotalsByKind()) {
        for (auto it = totals->constBegin(); it != totals->constEnd(); ++it)
            out += Metrics::sample("suanli_ledger_balance_micro", {{"kind", it.key()}},
                                   QByteArray::number(it.value()));
    }
    return {200, out, "text/plain; version=0.0.4"};
}

} // namespace suanli::server
