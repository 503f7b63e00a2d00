#pragma once

#include "client/eventstream.h"
#include "instancelistmodel.h"
#include "client/marketclient.h"
#include "sshkeys.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace suanli::app {

/// The renter's instances: loads the list, follows the events socket, launches and runs the
/// lifecycle actions. Reports outcomes as signals; the UI decides how to show them.
class InstancesController : public QObject
{
    Q_OBJECT
public:
    InstancesController(client::MarketClient *client, client::EventStream *events,
                        const Clock &clock = defaultClock(), QObject *parent = nullptr);

    /// The renter's SSH keys: launch() puts this market's public key into the request.
    void setSshKeys(SshKeys *keys) { m_keys = keys; }

    InstanceListModel *model() { return &m_model; }
    bool loading() const { return m_loading; }
    Error lastError() const { return m_lastError; }

    void reload();
    /// Creates an instance with a fresh Idempotency-Key (retries reuse it); the instance is
    /// in the model as soon as the market answers. With SSH keys set, the request gets this
    /// market's public key first (the pair is made once, off this thread); a key that cannot
    /// be had is a launchFailed() like the market's refusals.
    void launch(const protocol::CreateInstanceRequest &request);
    void stop(qint64 id);
    void start(qint64 id);
    /// Starts a stopped GPU instance without a GPU (docs/market.md, "Starting without a GPU").
    void startWithoutGpu(qint64 id);
    /// What the instance's offer asks per hour for a start without a GPU: `done` gets it, or
    /// nullopt when the host does not offer it or the offer is not to be had now.
    void noGpuPrice(qint64 offerId, QObject *context,
                    std::function<void(std::optional<Micro>)> done);
    void destroy(qint64 id);
    /// Clone or move (docs/app.md, "Clone and move"): cloned() with the new instance, or
    /// actionFailed(id, "clone", …). Cancel: destroy the new instance.
    void cloneInstance(qint64 id, const protocol::CloneInstanceRequest &request);
    /// Listed offers a clone of `source` can go to: another host, the same GPU model with
    /// enough free GPUs (a machine without GPUs for one without), cheapest first.
    void matchingOffers(const protocol::Instance &source, QObject *context,
                        std::function<void(Result<QList<protocol::Offer>>)> done);
    /// Tries start again after `delayMs` (after a gpus_unavailable), once.
    void retryStartLater(qint64 id, int delayMs);
    bool retryScheduled(qint64 id) const { return m_retries.contains(id); }
    void fetchLogs(qint64 id, int tail = 500);

signals:
    void loadingChanged(bool loading);
    void loadFailed(const suanli::Error &error);
    void launched(const suanli::protocol::Instance &instance);
    void launchFailed(const suanli::Error &error);
    /// A clone or move was accepted: `instance` is the new one, its copy under way.
    void cloned(qint64 sourceId, const suanli::protocol::Instance &instance);
    void actionFailed(qint64 id, const QString &action, const suanli::Error &error);
    /// Start was refused because the host's GPUs are taken: offer retry or another offer.
    void startUnavailable(qint64 id, const suanli::Error &error);
    void logsReady(qint64 id, const QStringList &lines);
    void logsFailed(qint64 id, const suanli::Error &error);

private:
    void onActionResult(qint64 id, const QString &action, const Result<protocol::Instance> &r);

    void create(const protocol::CreateInstanceRequest &request);

    client::MarketClient *m_client;
    client::EventStream *m_events;
    QPointer<SshKeys> m_keys;
    InstanceListModel m_model;
    QTimer m_tick;
    QTimer m_refresh;
    QHash<qint64, QTimer *> m_retries;
    bool m_loading = false;
    Error m_lastError;
};

} // namespace suanli::app
