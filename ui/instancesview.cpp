#include "instancesview.h"

#include "accesspanel.h"
#include "clonedialog.h"
#include "copyprogresswidget.h"
#include "instancedelegate.h"
#include "logdialog.h"
#include "statewidget.h"

#include "charts/instancedashboard.h"
#include "charts/instancehistoryview.h"

#include "app/costestimate.h"
#include "app/moneyformat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::app::InstanceListModel;
using suanli::protocol::InstanceState;

namespace suanli::ui {

namespace {

/// A non-blocking confirmation: `onAccept` runs when the user agrees.
void confirm(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
             const QString &informative, const QString &acceptText, bool destructive,
             std::function<void()> onAccept)
{
    auto *box = new QMessageBox(destructive ? QMessageBox::Warning : QMessageBox::Question, title,
                                text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setInformativeText(informative);
    QPushButton *accept = box->addButton(acceptText, destructive ? QMessageBox::DestructiveRole
                                                                 : QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, parent,
                     [accept, onAccept = std::move(onAccept)](QAbstractButton *button) {
        if (button == accept)
            onAccept();
    });
    box->open();
}

} // namespace

InstancesView::InstancesView(app::InstancesController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_state(new StateWidget(this))
    , m_details(new QLabel(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_stop(new QPushButton(tr("Stop…"), this))
    , m_destroy(new QPushButton(tr("Destroy…"), this))
    , m_logs(new QPushButton(tr("Log"), this))
    , m_guards(new QPushButton(tr("Cost guard…"), this))
    , m_saveImage(new QPushButton(tr("Save as image…"), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_connectPage(new QWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_start, m_stop, m_destroy, m_logs, m_guards})
        buttons->addWidget(b);
    // ---- saved images (docs/app.md, "Saved images") ----
    buttons->addWidget(m_saveImage);
    m_saveImage->setObjectName(u"saveImageButton"_s);
    m_saveImage->setToolTip(tr("Make an image of this instance's system disk (not /workspace) "
                               "that only you can launch"));
    connect(m_saveImage, &QPushButton::clicked, this, [this] {
        if (const auto *in = current())
            emit saveImageRequested(in->id);
    });
    // ---- end saved images ----
    m_start->setObjectName(u"startButton"_s);
    m_stop->setObjectName(u"stopButton"_s);
    m_destroy->setObjectName(u"destroyButton"_s);
    m_logs->setObjectName(u"logButton"_s);
    m_guards->setObjectName(u"guardsButton"_s);
    m_guards->setToolTip(tr("Limits the market enforces even while this app is closed: "
                            "max spend, max running time, stop when idle."));
    m_guards->hide(); // shown once setDashboard() gives it somewhere to go
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_table->setObjectName(u"instanceTable"_s);
    m_table->setModel(controller->model());
    m_table->setItemDelegate(new InstanceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(InstanceListModel::Label, 160);
    m_table->setColumnWidth(InstanceListModel::State, 220);
    m_table->setColumnWidth(InstanceListModel::Gpu, 140);
    m_table->setColumnWidth(InstanceListModel::RunningTime, 110);
    m_table->setColumnWidth(InstanceListModel::Spend, 100);
    m_table->setColumnWidth(InstanceListModel::Price, 100);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_state);
    m_details->setObjectName(u"instanceDetails"_s);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    // Under the table: how to connect (details, access, ports), then the dashboard and the
    // history when the window adds them.
    auto *connectLayout = new QVBoxLayout(m_connectPage);
    connectLayout->addWidget(m_details);
    connectLayout->addStretch(1);
    m_tabs->setObjectName(u"instanceTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_connectPage, tr("Connect"));
    setUpCloneAndMove(buttons); // clone and move, one block below
    m_splitter->setObjectName(u"instancesSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({360, 400}); // about half each; the user moves the handle
    layout->addWidget(m_splitter, 1);

    auto *model = controller->model();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        updateDetails();
        updateCharts();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        updateButtons();
        updateDetails();
        updateCharts();
    });
    connect(m_guards, &QPushButton::clicked, this, [this] {
        if (const auto *in = current())
            emit editGuardsRequested(in->id);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &InstancesView::updateState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &InstancesView::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &InstancesView::updateState);
    connect(controller, &app::InstancesController::loadingChanged, this, &InstancesView::updateState);
    connect(controller, &app::InstancesController::loadFailed, this, &InstancesView::updateState);
    connect(m_state, &StateWidget::actionClicked, controller, &app::InstancesController::reload);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (const auto *in = current())
            m_controller->start(in->id);
    });
    connect(m_stop, &QPushButton::clicked, this, &InstancesView::confirmStop);
    connect(m_destroy, &QPushButton::clicked, this, &InstancesView::confirmDestroy);
    connect(m_logs, &QPushButton::clicked, this, [this] {
        const auto *in = current();
        if (!in)
            return;
        auto *dialog = new LogDialog(m_controller, in->id,
                                     in->label.isEmpty() ? tr("instance %1").arg(in->id) : in->label,
                                     this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(controller, &app::InstancesController::startUnavailable, this,
            &InstancesView::onStartUnavailable);
    connect(controller, &app::InstancesController::actionFailed, this,
            [this](qint64, const QString &action, const Error &error) {
                const QString title = action == "stop"_L1    ? tr("Cannot stop the instance")
                                      : action == "start"_L1 ? tr("Cannot start the instance")
                                      : action == "clone"_L1
                                          ? tr("Cannot clone or move the instance")
                                          : tr("Cannot destroy the instance");
                showError(title, error.message);
            });
    updateState();
    updateButtons();
}

void InstancesView::setAccess(app::AccessController *access)
{
    m_access = new AccessPanel(access, m_connectPage);
    auto *connectLayout = static_cast<QVBoxLayout *>(m_connectPage->layout());
    connectLayout->insertWidget(connectLayout->count() - 1, m_access);
    updateDetails();
}

void InstancesView::setDashboard(charts::InstanceDashboard *dashboard,
                                 charts::InstanceHistoryView *history)
{
    m_dashboard = dashboard;
    m_history = history;
    m_tabs->addTab(dashboard, tr("Dashboard"));
    m_tabs->addTab(history, tr("History"));
    connect(dashboard, &charts::InstanceDashboard::editGuardsRequested, this,
            &InstancesView::editGuardsRequested);
    m_guards->show();
    m_shownId = -1; // show the selected instance now
    updateCharts();
    updateButtons();
}

void InstancesView::updateCharts()
{
    // The model changes every second (running times); the charts only care about which
    // instance and its state, so they redraw on their own clock, not on every tick.
    const auto *in = current();
    const qint64 id = in ? in->id : 0;
    const auto state = in ? in->state : InstanceState::Destroyed;
    const bool changed = id != m_shownId || state != m_shownState;
    const bool sameInstance = id == m_shownId;
    m_shownId = id;
    m_shownState = state;
    if (!changed)
        return;
    if (m_dashboard && in)
        m_dashboard->setInstance(*in);
    if (m_history) {
        m_history->setInstance(id);
        if (sameInstance)
            m_history->reload(); // a new state is a new line
    }
}

const protocol::Instance *InstancesView::current() const
{
    const QModelIndex index = m_table->selectionModel()->currentIndex();
    if (!index.isValid())
        return nullptr;
    return &m_controller->model()->instance(index.row());
}

void InstancesView::selectInstance(qint64 id)
{
    const int row = m_controller->model()->rowOf(id);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(
        m_controller->model()->index(row, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void InstancesView::updateButtons()
{
    const auto *in = current();
    const auto state = in ? in->state : InstanceState::Destroyed;
    m_start->setEnabled(in && (state == InstanceState::Stopped || state == InstanceState::Interrupted));
    m_stop->setEnabled(in && (state == InstanceState::Running || state == InstanceState::Starting
                              || state == InstanceState::Provisioning));
    m_destroy->setEnabled(in && state != InstanceState::Destroying);
    m_logs->setEnabled(in != nullptr);
    m_guards->setEnabled(in && state != InstanceState::Destroying && state != InstanceState::Destroyed);
    m_saveImage->setEnabled(in &&
                            (state == InstanceState::Running || state == InstanceState::Stopped));
    updateCloneAndMove();
}

void InstancesView::updateState()
{
    if (m_controller->model()->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
    } else {
        m_stack->setCurrentWidget(m_state);
        if (m_controller->loading())
            m_state->showLoading(tr("Loading instances…"));
        else if (!m_controller->lastError().code.isEmpty())
            m_state->showError(tr("Cannot load instances"), m_controller->lastError().message,
                               tr("Try again"));
        else
            m_state->showMessage(tr("No instances"),
                                 tr("Rent a GPU in the Catalog: pick an offer and press Rent. "
                                    "It appears here at once and starts in a minute or two."));
    }
    if (!m_table->selectionModel()->currentIndex().isValid() && m_controller->model()->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
    updateDetails();
}

void InstancesView::updateDetails()
{
    const auto *in = current();
    if (m_access)
        m_access->setInstance(in);
    if (!in) {
        m_details->clear();
        return;
    }
    const QLocale locale;
    QStringList parts;
    parts << tr("Image: %1").arg(in->image) << tr("Disk: %1 GB").arg(in->disk_gb)
          << tr("Created: %1").arg(locale.toString(in->created_at.toLocalTime(), QLocale::ShortFormat));
    if (in->ssh && in->state == InstanceState::Running && in->ssh->jump) {
        const protocol::SshJump &jump = *in->ssh->jump;
        parts << tr("SSH: ssh -J %1@%2:%3 -p %4 %5@%6")
                     .arg(jump.user, jump.host)
                     .arg(jump.port)
                     .arg(in->ssh->port)
                     .arg(in->ssh->user, in->ssh->host);
    } else if (in->ssh && in->state == InstanceState::Running) {
        parts << tr("SSH: ssh -p %1 %2@%3").arg(in->ssh->port).arg(in->ssh->user, in->ssh->host);
    }
    if (in->max_spend_micro > 0)
        parts << tr("Stops at %1 spent").arg(app::formatMoney(in->max_spend_micro, m_currency, locale));
    m_details->setText(parts.join(u"   ·   "_s));
}

void InstancesView::confirmStop()
{
    const auto *in = current();
    if (!in)
        return;
    const qint64 id = in->id;
    const QLocale locale;
    const Micro perDay = app::storagePerDay(in->price_storage_gb_month_micro, in->disk_gb);
    const QString name = in->label.isEmpty() ? tr("instance %1").arg(in->id) : in->label;
    confirm(this, u"confirmStop"_s, tr("Stop %1?").arg(name),
            tr("Stop %1? Its data on /workspace is kept.").arg(name),
            (m_retentionDays
                 ? tr("GPU billing stops and the GPUs go back to the host. While stopped, the %1 "
                      "GB disk costs %2 per day. A stopped instance is deleted with its data "
                      "after %n day(s) (the countdown shows in the list). Starting again needs "
                      "free GPUs on the same host.",
                      nullptr, int(*m_retentionDays))
                 : tr("GPU billing stops and the GPUs go back to the host. While stopped, the %1 "
                      "GB disk costs %2 per day. A stopped instance is deleted with its data "
                      "after the market's retention time (the countdown shows in the list). "
                      "Starting again needs free GPUs on the same host."))
                .arg(in->disk_gb)
                .arg(app::formatPrice(perDay, m_currency, locale)),
            tr("Stop"), false, [this, id] { m_controller->stop(id); });
}

void InstancesView::confirmDestroy()
{
    const auto *in = current();
    if (!in)
        return;
    const qint64 id = in->id;
    const QString name = in->label.isEmpty() ? tr("instance %1").arg(in->id) : in->label;
    confirm(this, u"confirmDestroy"_s, tr("Destroy %1?").arg(name),
            tr("Destroy %1 and delete its data?").arg(name),
            tr("Everything on its disk, /workspace included, is deleted and cannot be recovered. "
               "Billing stops; what was spent so far (%1) stays charged.")
                .arg(app::formatMoney(in->spend_micro, m_currency, QLocale())),
            tr("Destroy and delete data"), true, [this, id] { m_controller->destroy(id); });
}

void InstancesView::onStartUnavailable(qint64 id, const Error &)
{
    const auto *in = m_controller->model()->find(id);
    if (!in)
        return;
    // The dialog comes once the offer says whether it sells a start without a GPU (a local
    // call of a few milliseconds), so that its first choice shows its price or is not there.
    m_controller->noGpuPrice(in->offer_id, this, [this, id](std::optional<Micro> noGpuPrice) {
        showGpusTaken(id, noGpuPrice);
    });
}

void InstancesView::showGpusTaken(qint64 id, std::optional<Micro> noGpuPrice)
{
    const auto *in = m_controller->model()->find(id);
    if (!in)
        return;
    const QString model = in->gpu_model;
    const int count = in->gpu_count;
    auto *box = new QMessageBox(QMessageBox::Information, tr("GPUs are taken"),
                                tr("The host's GPUs are rented by someone else right now."),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"gpusUnavailable"_s);
    // In this order: reach the data now without a GPU, go elsewhere, or wait.
    QPushButton *noGpu = nullptr;
    if (noGpuPrice) {
        noGpu = box->addButton(tr("Start without a GPU (%1/h)")
                                   .arg(app::formatPrice(*noGpuPrice, m_currency, QLocale())),
                               QMessageBox::AcceptRole);
        noGpu->setObjectName(u"startWithoutGpu"_s);
    }
    QPushButton *move = box->addButton(tr("Move to another host…"), QMessageBox::ActionRole);
    move->setObjectName(u"moveToAnotherHost"_s);
    QPushButton *retry = box->addButton(tr("Retry in 5 minutes"), QMessageBox::ActionRole);
    QPushButton *other = box->addButton(tr("Find a matching offer"), QMessageBox::ActionRole);
    box->addButton(QMessageBox::Cancel);
    box->setInformativeText(
        noGpuPrice ? tr("Your data stays on the stopped instance. Start it without a GPU to "
                        "reach its files and environment now (CPU only, billed at the lower "
                        "price; start it normally later to get its GPUs back), move it with its "
                        "/workspace to another host with free GPUs, or try again later.")
                   : tr("Your data stays on the stopped instance. Move it with its /workspace "
                        "to another host with free GPUs, try again later, or launch a new "
                        "instance on a matching offer (the data does not move with it)."));
    box->setDefaultButton(noGpu ? noGpu : retry);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, noGpu, move, retry, other, id, model, count](QAbstractButton *button) {
                if (noGpu && button == noGpu)
                    m_controller->startWithoutGpu(id);
                else if (button == move)
                    openCloneDialog(id, true);
                else if (button == retry)
                    m_controller->retryStartLater(id, 5 * 60 * 1000);
                else if (button == other)
                    emit findMatchingOffer(model, count);
            });
    box->open();
}

// ---- Clone and move (docs/app.md, "Clone and move"; dialog and progress in their own files) --

void InstancesView::setUpCloneAndMove(QHBoxLayout *buttons)
{
    m_cloneButton = new QPushButton(tr("Clone…"), this);
    m_cloneButton->setObjectName(u"cloneButton"_s);
    m_cloneButton->setToolTip(tr("A new instance on another host with a copy of /workspace; "
                                 "this one keeps running."));
    m_moveButton = new QPushButton(tr("Move to another host…"), this);
    m_moveButton->setObjectName(u"moveButton"_s);
    m_moveButton->setToolTip(tr("Copies /workspace to a new instance on another host, checks "
                                "it, then destroys this one."));
    buttons->insertWidget(buttons->count() - 1, m_cloneButton); // before the stretch
    buttons->insertWidget(buttons->count() - 1, m_moveButton);
    m_copyProgress = new CopyProgressWidget(m_connectPage);
    static_cast<QVBoxLayout *>(m_connectPage->layout())->insertWidget(0, m_copyProgress);
    connect(m_cloneButton, &QPushButton::clicked, this, [this] {
        if (const auto *in = current())
            openCloneDialog(in->id, false);
    });
    connect(m_moveButton, &QPushButton::clicked, this, [this] {
        if (const auto *in = current())
            openCloneDialog(in->id, true);
    });
    connect(m_copyProgress, &CopyProgressWidget::cancelRequested, this, [this](qint64 id) {
        confirm(this, u"confirmCancelCopy"_s, tr("Cancel the copy?"),
                tr("Cancel the copy and destroy the new instance?"),
                tr("The source instance stays as it is, with all its data. What the new "
                   "instance cost so far stays charged."),
                tr("Cancel copy"), true, [this, id] { m_controller->destroy(id); });
    });
    connect(m_controller, &app::InstancesController::cloned, this,
            [this](qint64, const protocol::Instance &instance) {
                m_controller->model()->upsert(instance);
                selectInstance(instance.id);
            });
}

void InstancesView::updateCloneAndMove()
{
    const auto *in = current();
    const auto state = in ? in->state : InstanceState::Destroyed;
    // Running, or stopped (the market starts it without a GPU for the copy).
    const bool copyable =
        in && (state == InstanceState::Running || state == InstanceState::Stopped);
    m_cloneButton->setEnabled(copyable);
    m_moveButton->setEnabled(copyable);
    m_copyProgress->setInstance(in);
}

void InstancesView::openCloneDialog(qint64 id, bool move)
{
    const auto *in = m_controller->model()->find(id);
    if (!in)
        return;
    auto *dialog = new CloneDialog(m_controller, *in, move, m_currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void InstancesView::showError(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace suanli::ui
