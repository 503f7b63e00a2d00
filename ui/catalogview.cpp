#include "catalogview.h"

#include "catalogfilterbar.h"
#include "offerdetailpane.h"
#include "statewidget.h"

#include "app/moneyformat.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::app::CatalogController;
using suanli::app::OfferTableModel;

namespace suanli::ui {

CatalogView::CatalogView(CatalogController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_filters(new CatalogFilterBar(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_state(new StateWidget(this))
    , m_detail(new OfferDetailPane(this))
    , m_count(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);

    m_table->setObjectName(u"offerTable"_s);
    m_table->setModel(controller->proxy());
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OfferTableModel::TflopsPerPrice, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    fitColumns();
    m_table->viewport()->installEventFilter(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_state);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_stack, 1);
    m_count->setObjectName(u"offerCount"_s);
    leftLayout->addWidget(m_count);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_filters, &CatalogFilterBar::queryChanged, this, [this](const QString &text) {
        auto r = m_controller->proxy()->setQueryText(text);
        m_filters->showQueryError(r ? Error{} : r.error());
        updateState();
    });
    connect(m_filters, &CatalogFilterBar::filtersChanged, this,
            [this](const app::QuickFilters &filters) {
        m_controller->proxy()->setQuickFilters(filters);
        updateState();
    });
    connect(controller, &CatalogController::stateChanged, this, &CatalogView::updateState);
    connect(controller, &CatalogController::loaded, this, &CatalogView::updateState);
    connect(controller, &CatalogController::facetsChanged, this, [this] {
        m_filters->setFacets(m_controller->gpuModels(), m_controller->regions());
    });
    connect(m_state, &StateWidget::actionClicked, this, [this] {
        if (m_controller->state() == CatalogController::State::Error)
            m_controller->reload();
        else
            m_filters->setQueryText(QString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogView::updateSelection);
    auto *proxy = controller->proxy();
    connect(proxy, &QAbstractItemModel::dataChanged, this, &CatalogView::updateSelection);
    connect(proxy, &QAbstractItemModel::modelReset, this, &CatalogView::updateSelection);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &CatalogView::updateSelection);
    connect(proxy, &QAbstractItemModel::rowsInserted, this, &CatalogView::updateCount);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &CatalogView::updateCount);
    connect(m_detail, &OfferDetailPane::rentRequested, this, &CatalogView::rentRequested);
    updateState();
}

void CatalogView::fitColumns()
{
    // Each column as wide as its header (the long ones are two lines) or its widest usual
    // value, whichever is more, so that all twelve fit beside the detail pane at 1400 px
    // (narrower windows scroll sideways). Measured, never ResizeToContents: that would visit
    // every one of 100,000 rows.
    using M = app::OfferTableModel;
    static const std::pair<int, const char *> samples[] = {
        {M::GpuModel, "RTX 6000 Ada"}, {M::Gpus, "8 / 8"},        {M::Vram, "80 GB"},
        {M::Cpu, "192 cores"},         {M::Ram, "1,024 GB"},      {M::Disk, "3,724 GB"},
        {M::Price, "CN¥10.00"},        {M::StoragePrice, "CN¥0.47"}, {M::Reliability, "100.0%"},
        {M::Region, "cn-southwest"},   {M::Tflops, "1,979"},      {M::TflopsPerPrice, "1,234.5"},
    };
    const QFontMetrics cell = m_table->fontMetrics();
    const QFontMetrics header = m_table->horizontalHeader()->fontMetrics();
    const int sortArrow = m_table->style()->pixelMetric(QStyle::PM_HeaderMarkSize) + 8;
    for (const auto &[column, sample] : samples) {
        int headerWidth = 0;
        const QString title = m_table->model()->headerData(column, Qt::Horizontal).toString();
        for (const QString &line : title.split(u'\n'))
            headerWidth = qMax(headerWidth, header.horizontalAdvance(line));
        m_table->setColumnWidth(column, qMax(cell.horizontalAdvance(QString::fromUtf8(sample)) + 14,
                                             headerWidth + sortArrow));
    }
}

void CatalogView::setCurrency(const QString &currency)
{
    m_detail->setCurrency(currency);
    m_filters->setCurrencySymbol(app::currencySymbol(currency, QLocale()));
}

void CatalogView::selectOffer(qint64 offerId)
{
    const int row = m_controller->model()->rowOf(offerId);
    if (row < 0)
        return;
    const QModelIndex index = m_controller->proxy()->mapFromSource(m_controller->model()->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void CatalogView::updateSelection()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->setOffer(std::nullopt);
        return;
    }
    m_detail->setOffer(m_controller->proxy()->offerAt(current.row()));
}

void CatalogView::updateCount()
{
    const int shown = m_controller->proxy()->rowCount();
    const int total = m_controller->model()->rowCount();
    m_count->setText(shown == total ? tr("%n offer(s)", nullptr, total)
                                    : tr("%1 of %n offer(s) match", nullptr, total).arg(shown));
}

void CatalogView::updateState()
{
    updateCount();
    const auto state = m_controller->state();
    const bool haveRows = m_controller->proxy()->rowCount() > 0;
    if (haveRows) {
        m_stack->setCurrentWidget(m_table);
        if (state == CatalogController::State::Ready && !m_controller->lastError().code.isEmpty())
            m_count->setText(m_count->text() + u"  ·  "_s
                             + tr("Not updated: %1").arg(m_controller->lastError().message));
        return;
    }
    m_stack->setCurrentWidget(m_state);
    switch (state) {
    case CatalogController::State::Idle:
    case CatalogController::State::Loading:
        m_state->showLoading(tr("Loading offers…"));
        break;
    case CatalogController::State::Error:
        m_state->showError(tr("Cannot load offers"),
                           tr("%1\nCheck the market address in Settings, or try again.")
                               .arg(m_controller->lastError().message),
                           tr("Try again"));
        break;
    case CatalogController::State::Empty:
        m_state->showMessage(tr("No offers yet"),
                             tr("No host lists a machine on this market right now. Offers "
                                "appear here as soon as one does."));
        break;
    case CatalogController::State::Ready:
        m_state->showMessage(tr("No offer matches"),
                             tr("No offer meets the query and filters. Loosen a filter or "
                                "clear the query."),
                             tr("Clear the query"));
        break;
    }
    if (!m_painted && (state == CatalogController::State::Empty || state == CatalogController::State::Error)) {
        m_painted = true;
        QTimer::singleShot(0, this, &CatalogView::firstPaint);
    }
}

bool CatalogView::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && watched == m_table->viewport() && event->type() == QEvent::Paint
        && m_controller->proxy()->rowCount() > 0) {
        // Reported from the event loop, after this paint has reached the screen.
        m_painted = true;
        QTimer::singleShot(0, this, &CatalogView::firstPaint);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace suanli::ui
