#include "relayauthorizer.h"

#include "database.h"
#include "relaykey.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

constexpr int kRelaySchemaVersion = 5; // migrations.cpp: the relay tables

} // namespace

Result<QString> RelayAuthorizer::answer(Database &db, const QString &user, const QString &type,
                                        const QString &key, const QString &relay)
{
    const bool host = user == "suanli-host"_L1;
    if (!host && user != "suanli"_L1)
        return QString();
    const auto line = ed25519KeyLine(type + u' ' + key);
    if (!line)
        return QString();
    // A market that never ran with the relay has no relay tables: nothing may pass.
    auto version = db.scalar(u"SELECT MAX(version) FROM schema_version"_s);
    if (!version)
        return version.error();
    if (version->toInt() < kRelaySchemaVersion)
        return QString();

    QString relayClause;
    QVariantList bindings{*line};
    if (!relay.isEmpty()) {
        const qsizetype colon = relay.lastIndexOf(u':');
        bool ok = false;
        const int port = relay.mid(colon + 1).toInt(&ok);
        if (colon <= 0 || !ok)
            return makeError(u"invalid_value"_s, u"--relay takes PUBLIC_HOST:PORT"_s);
        auto id = db.scalar(u"SELECT id FROM relays WHERE public_host = ? AND public_port = ?"_s,
                            {relay.left(colon), port});
        if (!id)
            return id.error();
        if (id->isNull())
            return QString();
        relayClause = u" AND rp.relay_id = ?"_s;
        bindings.append(id->toLongLong());
    }
    const QString sql =
        host
            ? u"SELECT rp.port FROM relay_ports rp JOIN hosts h ON h.id = rp.host_id "
              "WHERE h.relay_public_key = ? AND h.network = 'relay' AND h.relay_id = rp.relay_id"_s +
                  relayClause + u" ORDER BY rp.port"_s
            : u"SELECT rp.port FROM relay_ports rp JOIN instances i ON i.id = rp.instance_id "
              "WHERE rp.renter_key = ? AND i.state NOT IN ('stopped', 'destroyed', 'failed')"_s +
                  relayClause + u" ORDER BY rp.port"_s;
    auto q = db.exec(sql, bindings);
    if (!q)
        return q.error();
    QStringList options{u"restrict"_s, u"port-forwarding"_s};
    const QString option =
        host ? u"permitlisten=\"127.0.0.1:%1\""_s : u"permitopen=\"127.0.0.1:%1\""_s;
    int ports = 0;
    while (q->next()) {
        const int port = q->value(0).toInt();
        if (port <= 0 || port > 65535)
            continue;
        options.append(option.arg(port));
        ++ports;
    }
    q->finish();
    if (ports == 0)
        return QString(); // never a line without a port: it would allow them all
    return QString(options.join(u',') + u' ' + *line);
}

} // namespace suanli::server
