#include "datasetsview.h"

#include "pairdelegate.h"
#include "pairdialog.h"
#include "syncprogresspanel.h"

#include "app/instancelistmodel.h"
#include "app/moneyformat.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::datasets::DatasetPair;
using suanli::datasets::DatasetPairModel;
using suanli::datasets::DatasetsController;
using suanli::datasets::SyncHistoryModel;
using suanli::protocol::InstanceState;

namespace suanli::ui {

namespace {

/// The history rows of one pair (all runs when none is set).
class PairHistoryFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setPair(const std::optional<DatasetPair> &pair)
    {
        if (pair == m_pair)
            return;
        m_pair = pair;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_pair)
            return true;
        const QString destination =
            sourceModel()->index(row, 0, parent).data(SyncHistoryModel::DestinationRole).toString();
        return DatasetsController::isRunOf(*m_pair, destination);
    }

private:
    std::optional<DatasetPair> m_pair;
};

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

DatasetsView::DatasetsView(DatasetsController *controller, app::InstanceListModel *instances,
                           QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_instances(instances)
    , m_listStack(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_empty(new QWidget(this))
    , m_emptyAdd(button(tr("Add folder…"), u"emptyAddButton"_s, m_empty))
    , m_add(button(tr("Add folder…"), u"addPairButton"_s, this))
    , m_edit(button(tr("Edit…"), u"editPairButton"_s, this))
    , m_remove(button(tr("Remove…"), u"removePairButton"_s, this))
    , m_detailStack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_route(new QLabel(this))
    , m_plan(button(tr("Plan"), u"planButton"_s, this))
    , m_sync(button(tr("Sync now"), u"syncButton"_s, this))
    , m_pause(button(tr("Pause"), u"pauseButton"_s, this))
    , m_cancel(button(tr("Cancel"), u"cancelButton"_s, this))
    , m_panel(new SyncProgressPanel(this))
    , m_historyFilter(new PairHistoryFilter(this))
    , m_history(new QTableView(this))
    , m_historyTitle(new QLabel(tr("History"), this))
{
    setObjectName(u"datasetsView"_s);
    // Left: the pairs.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);
    m_list->setObjectName(u"pairList"_s);
    m_list->setModel(controller->pairs());
    m_list->setItemDelegate(new PairDelegate(
        [this](const QString &id) { return instanceText(id); }, m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    {
        // Drawn like ui/StateWidget's message (that class lives in suanli_ui, which links us).
        auto *emptyLayout = new QVBoxLayout(m_empty);
        auto *title = new QLabel(tr("No dataset folders yet"), m_empty);
        QFont font = title->font();
        font.setPointSizeF(font.pointSizeF() * 1.2);
        font.setBold(true);
        title->setFont(font);
        auto *text = new QLabel(tr("Pair a folder on this computer with a path on an instance, "
                                   "then upload it with Sync now. Pairs set up before renting "
                                   "also tell you how long each offer takes to receive them."),
                                m_empty);
        text->setWordWrap(true);
        text->setMaximumWidth(380);
        emptyLayout->addStretch(1);
        for (QWidget *w : {static_cast<QWidget *>(title), static_cast<QWidget *>(text),
                           static_cast<QWidget *>(m_emptyAdd)}) {
            emptyLayout->addWidget(w, 0, Qt::AlignHCenter);
            if (auto *label = qobject_cast<QLabel *>(w))
                label->setAlignment(Qt::AlignCenter);
        }
        emptyLayout->addStretch(2);
    }
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_empty);
    leftLayout->addWidget(m_listStack, 1);

    // Right: the selected pair, its run and its history.
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setObjectName(u"pairTitle"_s);
    m_route->setObjectName(u"pairRoute"_s);
    m_route->setWordWrap(true);
    m_route->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_route);
    auto *actions = new QHBoxLayout;
    m_sync->setDefault(true);
    for (QPushButton *b : {m_plan, m_sync, m_pause, m_cancel})
        actions->addWidget(b);
    actions->addStretch(1);
    detailLayout->addLayout(actions);

    auto *split = new QSplitter(Qt::Vertical, detail);
    split->setChildrenCollapsible(false);
    m_panel->setObjectName(u"syncPanel"_s);
    split->addWidget(m_panel);
    auto *historyBox = new QWidget(split);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 6, 0, 0);
    QFont bold = m_historyTitle->font();
    bold.setBold(true);
    m_historyTitle->setFont(bold);
    historyLayout->addWidget(m_historyTitle);
    m_historyFilter->setSourceModel(controller->history());
    m_history->setObjectName(u"historyTable"_s);
    m_history->setModel(m_historyFilter);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->verticalHeader()->hide();
    m_history->setAlternatingRowColors(true);
    m_history->setWordWrap(false);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    historyLayout->addWidget(m_history, 1);
    split->addWidget(historyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    detailLayout->addWidget(split, 1);

    auto *noSelection = new QLabel(tr("Select a folder pair to sync it."), this);
    noSelection->setAlignment(Qt::AlignCenter);
    noSelection->setForegroundRole(QPalette::PlaceholderText);
    m_detailStack->addWidget(detail);
    m_detailStack->addWidget(noSelection);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setChildrenCollapsible(false);
    main->addWidget(left);
    main->addWidget(m_detailStack);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({420, 680});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(main);

    connect(m_add, &QPushButton::clicked, this, [this] { openPairDialog(false); });
    connect(m_emptyAdd, &QPushButton::clicked, this, [this] { openPairDialog(false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openPairDialog(true); });
    connect(m_list, &QListView::doubleClicked, this, [this] { openPairDialog(true); });
    connect(m_remove, &QPushButton::clicked, this, &DatasetsView::confirmRemove);
    connect(m_plan, &QPushButton::clicked, this, [this] { sync(true); });
    connect(m_sync, &QPushButton::clicked, this, [this] { sync(false); });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const QString id = currentPairId();
        const int row = m_controller->pairs()->rowOf(id);
        if (row < 0)
            return;
        if (m_controller->pairs()->index(row).data(DatasetPairModel::PausedRole).toBool())
            m_controller->resume(id);
        else
            m_controller->pause(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_controller->cancel(currentPairId()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetsView::updateAll);

    // A reset (pairs added, edited, removed) loses the selection: put it back by id.
    auto *pairs = controller->pairs();
    connect(pairs, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_selectAfterReset = currentPairId(); });
    connect(pairs, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectAfterReset.isEmpty())
            selectPair(m_selectAfterReset);
        updateAll();
    });
    connect(pairs, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_list->currentIndex().row();
        if (row >= from.row() && row <= to.row()) {
            updateActions();
            updateDetail();
        }
    });
    connect(controller->history(), &QAbstractItemModel::modelReset, this, &DatasetsView::updateDetail);
    // An instance starting, stopping or going changes what the pairs can do.
    auto instancesChanged = [this] {
        m_list->viewport()->update();
        updateAll();
    };
    connect(instances, &QAbstractItemModel::modelReset, this, instancesChanged);
    connect(instances, &QAbstractItemModel::layoutChanged, this, instancesChanged);
    connect(instances, &QAbstractItemModel::dataChanged, this, instancesChanged);
    connect(instances, &QAbstractItemModel::rowsInserted, this, instancesChanged);
    connect(instances, &QAbstractItemModel::rowsRemoved, this, instancesChanged);
    connect(controller, &DatasetsController::planReady, this, &DatasetsView::onPlan);
    connect(controller, &DatasetsController::syncFinished, this, &DatasetsView::onFinished);

    controller->refreshHistory();
    if (pairs->rowCount() > 0)
        m_list->setCurrentIndex(pairs->index(0));
    updateAll();
}

void DatasetsView::selectPair(const QString &id)
{
    const int row = m_controller->pairs()->rowOf(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_controller->pairs()->index(row));
}

QString DatasetsView::currentPairId() const
{
    return m_list->currentIndex().data(DatasetPairModel::IdRole).toString();
}

const DatasetPair *DatasetsView::currentPair() const
{
    return m_controller->pairs()->find(currentPairId());
}

const protocol::Instance *DatasetsView::instanceOf(const DatasetPair &pair) const
{
    bool ok = false;
    const qint64 id = pair.instanceId.toLongLong(&ok);
    return ok ? m_instances->find(id) : nullptr;
}

QString DatasetsView::instanceText(const QString &instanceId) const
{
    if (instanceId.isEmpty())
        return tr("(no instance yet)");
    const protocol::Instance *in = m_instances->find(instanceId.toLongLong());
    if (!in)
        return tr("instance %1 (gone)").arg(instanceId);
    const QString name = in->label.isEmpty() ? tr("instance %1").arg(in->id) : in->label;
    if (in->state == InstanceState::Running)
        return name;
    return tr("%1 (%2)").arg(name, app::InstanceListModel::stateText(in->state).toLower());
}

void DatasetsView::openPairDialog(bool editing)
{
    DatasetPair initial;
    if (editing) {
        const DatasetPair *pair = currentPair();
        if (!pair)
            return;
        initial = *pair;
    }
    auto *dialog = new PairDialog(m_instances, initial, editing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PairDialog::submitted, this, [this, dialog, editing](const DatasetPair &pair) {
        if (editing) {
            if (auto done = m_controller->updatePair(pair); !done) {
                dialog->setError(done.error());
                return;
            }
            m_plans.remove(pair.id); // a plan of the old settings says nothing now
            m_status.remove(pair.id);
            updateDetail();
        } else {
            auto added = m_controller->addPair(pair.localFolder, pair.instanceId, pair.remotePath,
                                               pair.deleteExtraneous, pair.direction);
            if (!added) {
                dialog->setError(added.error());
                return;
            }
            selectPair(*added);
        }
        dialog->accept();
    });
    dialog->open();
}

void DatasetsView::confirmRemove()
{
    const DatasetPair *pair = currentPair();
    if (!pair)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove folder pair"),
                                tr("Stop syncing %1?").arg(QDir::toNativeSeparators(pair->localFolder)),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"confirmRemovePair"_s);
    box->setInformativeText(tr("The files stay where they are, on this computer and on the "
                               "instance. A sync in progress is cancelled."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id = pair->id](QAbstractButton *b) {
        if (b != remove)
            return;
        m_controller->removePair(id);
        m_plans.remove(id);
        m_status.remove(id);
    });
    box->open();
}

void DatasetsView::setStatus(const QString &id, const QString &text, bool error)
{
    m_status.insert(id, {text, error});
    if (id == currentPairId())
        updateAll();
}

void DatasetsView::sync(bool dryRun)
{
    const DatasetPair *pair = currentPair();
    if (!pair || m_starting.contains(pair->id))
        return;
    const QString id = pair->id;
    const protocol::Instance *instance = instanceOf(*pair);
    if (!instance || instance->state != InstanceState::Running || !instance->ssh)
        return setStatus(id, tr("Start the instance first: it must be running to sync."), true);
    if (!m_identity)
        return setStatus(id, tr("The market's SSH key is not known yet: wait until you are signed in."),
                         true);
    const protocol::SshEndpoint &ssh = *instance->ssh;
    const ssh::Endpoint endpoint = ssh::endpointFromProtocol(ssh);
    m_starting.insert(id);
    setStatus(id, tr("Connecting…"), false);
    // The key may be protected: its passphrase comes from the keychain, maybe after a moment.
    m_identity(this, [this, id, endpoint, dryRun](Result<ssh::Identity> identity) {
        m_starting.remove(id);
        if (!identity)
            return setStatus(id, identity.error().message, true);
        start(id, endpoint, *identity, dryRun);
    });
}

void DatasetsView::start(const QString &id, const ssh::Endpoint &endpoint,
                         const ssh::Identity &identity, bool dryRun)
{
    const DatasetPair *pair = m_controller->pairs()->find(id);
    if (!pair)
        return;
    if (auto started = m_controller->syncNow(id, pair->direction, endpoint, identity, dryRun); !started)
        return setStatus(id, started.error().message, true);
    if (dryRun)
        m_dryRuns.insert(id);
    else
        m_dryRuns.remove(id);
    m_plans.remove(id);
    setStatus(id, dryRun ? tr("Comparing both sides…") : tr("Connecting…"), false);
}

void DatasetsView::onPlan(const QString &id, const sync::SyncPlan &plan)
{
    m_plans.insert(id, {plan, m_dryRuns.contains(id)});
    if (!m_dryRuns.contains(id))
        m_status.insert(id, {tr("Copying…"), false});
    if (id == currentPairId())
        updateDetail();
}

void DatasetsView::onFinished(const QString &id, const sync::SyncReport &report)
{
    const bool dryRun = m_dryRuns.contains(id);
    m_dryRuns.remove(id);
    const QLocale locale;
    QString text;
    bool error = false;
    if (report.cancelled) {
        text = tr("Cancelled. What was copied stays; the next sync goes on from there.");
    } else if (!report.ok) {
        text = tr("Sync stopped: %1").arg(report.error.message);
        error = true;
    } else if (dryRun) {
        text = tr("Plan ready: nothing was moved.");
    } else {
        text = tr("Done: %n file(s), %1 in %2.", nullptr, int(report.filesTransferred))
                   .arg(locale.formattedDataSize(report.bytesTransferred, 1, QLocale::DataSizeSIFormat),
                        app::formatDuration(report.elapsedMs / 1000));
        if (report.filesDeleted > 0)
            text += u' ' + tr("%n deleted.", nullptr, int(report.filesDeleted));
    }
    if (!report.issues.isEmpty()) {
        const sync::Issue &first = report.issues.first();
        text += u' ' + tr("%n file(s) had a problem, e.g. %1: %2", nullptr, int(report.issues.size()))
                           .arg(QString::fromUtf8(first.path), first.error.message);
        error = true;
    }
    m_status.insert(id, {text, error});
    updateAll();
}

void DatasetsView::updateAll()
{
    updateActions();
    updateDetail();
}

void DatasetsView::updateActions()
{
    const bool empty = m_controller->pairs()->rowCount() == 0;
    m_listStack->setCurrentWidget(empty ? m_empty : static_cast<QWidget *>(m_list));
    const DatasetPair *pair = currentPair();
    m_edit->setEnabled(pair != nullptr);
    m_remove->setEnabled(pair != nullptr);
    m_detailStack->setCurrentIndex(pair ? 0 : 1);
    if (!pair)
        return;
    const bool syncing = m_controller->isSyncing(pair->id) || m_starting.contains(pair->id);
    const QModelIndex index = m_list->currentIndex();
    const bool paused = index.data(DatasetPairModel::PausedRole).toBool();
    const protocol::Instance *instance = instanceOf(*pair);
    const bool reachable = instance && instance->state == InstanceState::Running && instance->ssh;
    m_plan->setEnabled(!syncing && reachable);
    m_sync->setEnabled(!syncing && reachable);
    m_pause->setEnabled(syncing && !m_dryRuns.contains(pair->id));
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(syncing);
    m_edit->setEnabled(!syncing);
    const QString why = reachable ? QString()
                        : pair->instanceId.isEmpty()
                            ? tr("Choose an instance with Edit… to sync this folder.")
                            : tr("The instance is not running: start it in Instances.");
    m_sync->setToolTip(why.isEmpty() ? (pair->direction == sync::Direction::Upload
                                             ? tr("Upload the folder to the instance")
                                             : tr("Download from the instance into the folder"))
                                     : why);
    m_plan->setToolTip(why.isEmpty() ? tr("Compare both sides and list what Sync now would copy "
                                          "or delete, without moving anything.")
                                     : why);
}

void DatasetsView::updateDetail()
{
    const DatasetPair *pair = currentPair();
    static_cast<PairHistoryFilter *>(m_historyFilter)->setPair(pair ? std::optional(*pair) : std::nullopt);
    if (!pair)
        return;
    const QModelIndex index = m_list->currentIndex();
    const QString folder = QDir::toNativeSeparators(pair->localFolder);
    QString name = QFileInfo(pair->localFolder).fileName();
    m_title->setText(name.isEmpty() ? folder : name);
    const QString where = tr("%1:%2").arg(instanceText(pair->instanceId), pair->remotePath);
    QString route = pair->direction == sync::Direction::Upload
                        ? tr("Uploads %1 to %2").arg(folder, where)
                        : tr("Downloads %1 into %2").arg(where, folder);
    if (pair->deleteExtraneous)
        route += u' ' + (pair->direction == sync::Direction::Upload
                             ? tr("(deletes what the folder no longer has)")
                             : tr("(deletes what the instance no longer has)"));
    m_route->setText(route);

    const bool running = index.data(DatasetPairModel::RunningRole).toBool();
    sync::SyncProgress progress;
    progress.bytesDone = index.data(DatasetPairModel::BytesDoneRole).toLongLong();
    progress.bytesTotal = index.data(DatasetPairModel::BytesTotalRole).toLongLong();
    progress.filesDone = index.data(DatasetPairModel::FilesDoneRole).toLongLong();
    progress.filesTotal = index.data(DatasetPairModel::FilesTotalRole).toLongLong();
    progress.bytesPerSecond = index.data(DatasetPairModel::RateRole).toDouble();
    progress.etaSeconds = index.data(DatasetPairModel::EtaRole).toLongLong();
    progress.paused = index.data(DatasetPairModel::PausedRole).toBool();
    if (running || progress.bytesTotal > 0 || progress.filesTotal > 0)
        m_panel->setProgress(progress, running);
    else
        m_panel->clearProgress();

    if (auto plan = m_plans.constFind(pair->id); plan != m_plans.constEnd())
        m_panel->showPlan(plan->first, pair->direction, plan->second);
    else
        m_panel->clearPlan();

    QString status;
    bool error = false;
    if (auto s = m_status.constFind(pair->id); s != m_status.constEnd()) {
        status = s->first;
        error = s->second;
    } else if (const QString last = index.data(DatasetPairModel::LastErrorRole).toString(); !last.isEmpty()) {
        status = last;
        error = true;
    } else if (m_historyFilter->rowCount() > 0) {
        const QModelIndex started = m_historyFilter->index(0, SyncHistoryModel::StartedColumn);
        const QModelIndex result = m_historyFilter->index(0, SyncHistoryModel::ResultColumn);
        status = tr("Last sync %1: %2").arg(started.data().toString(), result.data().toString());
    } else {
        status = tr("Not synced yet. Plan shows what Sync now would copy.");
    }
    if (progress.paused && running)
        status = tr("Paused. Transfers hold their connections; Resume goes on.");
    m_panel->setStatus(status, error);
    m_historyTitle->setText(m_historyFilter->rowCount() > 0
                                ? tr("History of this folder (%n run(s))", nullptr, m_historyFilter->rowCount())
                                : tr("History of this folder: no runs yet"));
}

} // namespace suanli::ui
