#include "instancescontroller.h"

#include <algorithm>

#include <QUuid>

using namespace Qt::StringLiterals;

namespace suanli::app {

InstancesController::InstancesController(client::MarketClient *client, client::EventStream *events,
                                         const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_events(events)
{
    m_model.setClock(clock);
    connect(m_events, &client::EventStream::instanceChanged, this,
            [this](const protocol::Instance &instance) { m_model.upsert(instance); });
    // Missed events while the socket was down: the list is reloaded, not patched.
    connect(m_events, &client::EventStream::resynced, this, &InstancesController::reload);
    // Spend grows with billing, which the socket reports as balance changes; a reload a few
    // seconds later picks up every instance's spend at once.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(3000);
    connect(&m_refresh, &QTimer::timeout, this, &InstancesController::reload);
    connect(m_events, &client::EventStream::balanceChanged, this, [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, &m_model, &InstanceListModel::tick);
    m_tick.start();
}

void InstancesController::reload()
{
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    m_client->instances(this, [this](Result<QList<protocol::Instance>> list) {
        m_loading = false;
        emit loadingChanged(false);
        if (!list) {
            m_lastError = list.error();
            emit loadFailed(list.error());
            return;
        }
        m_lastError = {};
        m_model.setInstances(*list);
    });
}

void InstancesController::launch(const protocol::CreateInstanceRequest &request)
{
    if (!m_keys) {
        create(request);
        return;
    }
    // The instance needs this market's public key; it is made once, off this thread.
    m_keys->publicKey(m_client->baseUrl(), this, [this, request](Result<QString> key) {
        if (!key) {
            emit launchFailed(key.error());
            return;
        }
        protocol::CreateInstanceRequest withKey = request;
        withKey.ssh_public_key = key.value();
        create(withKey);
    });
}

void InstancesController::create(const protocol::CreateInstanceRequest &request)
{
    const QString key = u"launch-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_client->createInstance(request, key, this, [this](Result<protocol::Instance> r) {
        if (!r) {
            emit launchFailed(r.error());
            return;
        }
        m_model.upsert(*r);
        emit launched(*r);
    });
}

void InstancesController::onActionResult(qint64 id, const QString &action,
                                         const Result<protocol::Instance> &r)
{
    if (r) {
        m_model.upsert(*r);
        return;
    }
    if (action == "start"_L1 && r.error().code == "gpus_unavailable"_L1)
        emit startUnavailable(id, r.error());
    else
        emit actionFailed(id, action, r.error());
}

void InstancesController::stop(qint64 id)
{
    m_client->stopInstance(id, this, [this, id](Result<protocol::Instance> r) {
        onActionResult(id, u"stop"_s, r);
    });
}

void InstancesController::start(qint64 id)
{
    m_client->startInstance(id, this, [this, id](Result<protocol::Instance> r) {
        onActionResult(id, u"start"_s, r);
    });
}

void InstancesController::startWithoutGpu(qint64 id)
{
    m_client->startInstanceWithoutGpu(
        id, this, [this, id](Result<protocol::Instance> r) { onActionResult(id, u"start"_s, r); });
}

void InstancesController::noGpuPrice(qint64 offerId, QObject *context,
                                     std::function<void(std::optional<Micro>)> done)
{
    m_client->offers(u"id=%1"_s.arg(offerId), QString(), 1, 0, context,
                     [offerId, done = std::move(done)](Result<client::OfferPage> page) {
                         std::optional<Micro> price;
                         if (page) {
                             for (const protocol::Offer &o : page->offers) {
                                 if (o.id == offerId)
                                     price = o.price_nogpu_hour_micro;
                             }
                         }
                         done(price);
                     });
}

void InstancesController::cloneInstance(qint64 id, const protocol::CloneInstanceRequest &request)
{
    m_client->cloneInstance(id, request, this, [this, id](Result<protocol::Instance> r) {
        if (!r) {
            emit actionFailed(id, u"clone"_s, r.error());
            return;
        }
        reload(); // the new instance joins the list; its copy arrives in its events
        emit cloned(id, *r);
    });
}

void InstancesController::matchingOffers(const protocol::Instance &source, QObject *context,
                                         std::function<void(Result<QList<protocol::Offer>>)> done)
{
    const QString model = source.gpu_model;
    // Started without a GPU, it shows none: it still rents GPUs of its model.
    const int gpus = source.no_gpu ? 1 : source.gpu_count;
    const qint64 host = source.host_id;
    m_client->offers(QString(), u"id"_s, 500, 0, context,
                     [model, gpus, host, done = std::move(done)](Result<client::OfferPage> page) {
                         if (!page)
                             return done(page.error());
                         QList<protocol::Offer> matching;
                         for (const protocol::Offer &o : page->offers) {
                             if (o.host_id == host)
                                 continue; // the catalog lists only offers one can rent
                             const bool fits = gpus == 0
                                                   ? o.gpus_total == 0
                                                   : o.gpu_model == model && o.gpus_free >= gpus;
                             if (fits)
                                 matching.append(o);
                         }
                         std::stable_sort(matching.begin(), matching.end(),
                                          [](const protocol::Offer &a, const protocol::Offer &b) {
                                              return a.price_gpu_hour_micro <
                                                     b.price_gpu_hour_micro;
                                          });
                         done(matching);
                     });
}

void InstancesController::destroy(qint64 id)
{
    m_client->destroyInstance(id, this, [this, id](Result<protocol::Instance> r) {
        onActionResult(id, u"destroy"_s, r);
    });
}

void InstancesController::retryStartLater(qint64 id, int delayMs)
{
    delete m_retries.take(id);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id, timer] {
        m_retries.remove(id);
        timer->deleteLater();
        start(id);
    });
    m_retries.insert(id, timer);
    timer->start(delayMs);
}

void InstancesController::fetchLogs(qint64 id, int tail)
{
    m_client->logs(id, tail, this, [this, id](Result<QStringList> lines) {
        if (lines)
            emit logsReady(id, *lines);
        else
            emit logsFailed(id, lines.error());
    });
}

} // namespace suanli::app
