#include "catalogfilterbar.h"

#include "app/moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace suanli::ui {

CatalogFilterBar::CatalogFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_queryError(new QLabel(this))
    , m_queryDebounce(new QTimer(this))
    , m_gpuButton(new QToolButton(this))
    , m_gpuMenu(new QMenu(this))
    , m_minGpus(new QSpinBox(this))
    , m_minVram(new QSpinBox(this))
    , m_maxPrice(new QLineEdit(this))
    , m_maxPriceLabel(new QLabel(this))
    , m_region(new QComboBox(this))
    , m_verified(new QCheckBox(tr("Verified only"), this))
    , m_interruptible(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_query->setObjectName(u"queryBox"_s);
    m_query->setPlaceholderText(tr("Query, e.g. gpu=RTX_4090 gpus>=2 vram_gb>=24 price<2.5 reliability>0.95"));
    m_query->setClearButtonEnabled(true);
    m_query->setToolTip(tr("Space-separated conditions: field op value. Operators: = != < <= > >= "
                           "in notin. Lists: [a,b]. Use _ for a space. Fields: gpu, gpus, "
                           "vram_gb, ram_gb, price, day_price, week_price, month_price, "
                           "reliability, region, verified, interruptible, cpu_cores, "
                           "disk_free_gb, perf_tflops, …"));
    layout->addWidget(m_query);
    m_queryError->setObjectName(u"queryError"_s);
    m_queryError->setStyleSheet(u"color: #b42318;"_s);
    m_queryError->setTextFormat(Qt::PlainText);
    m_queryError->hide();
    layout->addWidget(m_queryError);
    m_queryDebounce->setSingleShot(true);
    m_queryDebounce->setInterval(150);
    connect(m_query, &QLineEdit::textChanged, m_queryDebounce, qOverload<>(&QTimer::start));
    connect(m_queryDebounce, &QTimer::timeout, this,
            [this] { emit queryChanged(m_query->text()); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        m_queryDebounce->stop();
        emit queryChanged(m_query->text());
    });

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    m_gpuButton->setPopupMode(QToolButton::InstantPopup);
    m_gpuButton->setMenu(m_gpuMenu);
    m_gpuButton->setObjectName(u"gpuFilter"_s);
    updateGpuButton();
    row->addWidget(m_gpuButton);

    row->addWidget(new QLabel(tr("GPUs ≥"), this));
    m_minGpus->setRange(0, 64);
    m_minGpus->setSpecialValueText(tr("any"));
    row->addWidget(m_minGpus);

    row->addWidget(new QLabel(tr("VRAM ≥"), this));
    m_minVram->setRange(0, 512);
    m_minVram->setSuffix(tr(" GB"));
    m_minVram->setSpecialValueText(tr("any"));
    m_minVram->setSingleStep(8);
    row->addWidget(m_minVram);

    row->addWidget(m_maxPriceLabel);
    m_maxPrice->setPlaceholderText(tr("any"));
    m_maxPrice->setMaximumWidth(80);
    m_maxPrice->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"^\\d{0,6}([.,]\\d{0,4})?$"_s), m_maxPrice));
    row->addWidget(m_maxPrice);

    m_region->addItem(tr("All regions"), QString());
    row->addWidget(m_region);
    row->addWidget(m_verified);
    m_interruptible->addItem(tr("Interruptible or not"), int(app::QuickFilters::Interruptible::Any));
    m_interruptible->addItem(tr("Interruptible only"), int(app::QuickFilters::Interruptible::Only));
    m_interruptible->addItem(tr("Not interruptible"), int(app::QuickFilters::Interruptible::Exclude));
    row->addWidget(m_interruptible);
    row->addStretch(1);
    layout->addLayout(row);
    setCurrencySymbol(u"CN¥"_s);

    connect(m_minGpus, &QSpinBox::valueChanged, this, &CatalogFilterBar::emitFilters);
    connect(m_minVram, &QSpinBox::valueChanged, this, &CatalogFilterBar::emitFilters);
    connect(m_maxPrice, &QLineEdit::textChanged, this, &CatalogFilterBar::emitFilters);
    connect(m_region, &QComboBox::currentIndexChanged, this, &CatalogFilterBar::emitFilters);
    connect(m_verified, &QCheckBox::toggled, this, &CatalogFilterBar::emitFilters);
    connect(m_interruptible, &QComboBox::currentIndexChanged, this, &CatalogFilterBar::emitFilters);
}

void CatalogFilterBar::setCurrencySymbol(const QString &symbol)
{
    m_maxPriceLabel->setText(tr("Max %1/GPU·h").arg(symbol));
}

void CatalogFilterBar::setFacets(const QStringList &gpuModels, const QStringList &regions)
{
    QStringList checked;
    for (QAction *action : m_gpuMenu->actions()) {
        if (action->isChecked())
            checked.append(action->data().toString());
    }
    m_gpuMenu->clear();
    QStringList models = gpuModels;
    models.append(QString()); // CPU-only machines
    for (const QString &model : std::as_const(models)) {
        QAction *action = m_gpuMenu->addAction(model.isEmpty() ? tr("CPU only") : model);
        action->setCheckable(true);
        action->setData(model);
        action->setChecked(checked.contains(model));
        connect(action, &QAction::toggled, this, [this] {
            updateGpuButton();
            emitFilters();
        });
    }
    const QString current = m_region->currentData().toString();
    const QSignalBlocker blocker(m_region);
    while (m_region->count() > 1)
        m_region->removeItem(1);
    for (const QString &region : regions)
        m_region->addItem(region, region);
    m_region->setCurrentIndex(qMax(0, m_region->findData(current)));
    updateGpuButton();
}

void CatalogFilterBar::updateGpuButton()
{
    QStringList names;
    for (QAction *action : m_gpuMenu->actions()) {
        if (action->isChecked())
            names.append(action->text());
    }
    if (names.isEmpty())
        m_gpuButton->setText(tr("All GPU models"));
    else if (names.size() <= 2)
        m_gpuButton->setText(names.join(u", "_s));
    else
        m_gpuButton->setText(tr("%n GPU model(s)", nullptr, int(names.size())));
}

app::QuickFilters CatalogFilterBar::filters() const
{
    app::QuickFilters f;
    for (QAction *action : m_gpuMenu->actions()) {
        if (action->isChecked())
            f.gpuModels.append(action->data().toString());
    }
    f.minGpus = m_minGpus->value();
    f.minVramMb = qint64(m_minVram->value()) * 1024;
    f.maxPrice = app::parseMoney(m_maxPrice->text()).value_or(0);
    f.region = m_region->currentData().toString();
    f.verifiedOnly = m_verified->isChecked();
    f.interruptible = app::QuickFilters::Interruptible(m_interruptible->currentData().toInt());
    return f;
}

QString CatalogFilterBar::queryText() const
{
    return m_query->text();
}

void CatalogFilterBar::setQueryText(const QString &text)
{
    m_query->setText(text);
    m_queryDebounce->stop();
    emit queryChanged(text);
}

void CatalogFilterBar::showQueryError(const Error &error)
{
    if (error.code.isEmpty()) {
        m_queryError->hide();
        m_query->setStyleSheet(QString());
        return;
    }
    const QString text = m_query->text();
    const int at = qBound(0, error.position, int(text.size()));
    // The text up to the error, then a marker: "gpus>=2 ▸price<<2".
    m_queryError->setText(tr("Column %1: %2  —  %3▸%4")
                              .arg(at + 1)
                              .arg(error.message, text.left(at), text.mid(at)));
    m_queryError->show();
    m_query->setStyleSheet(u"QLineEdit { border: 1px solid #b42318; }"_s);
    m_query->setCursorPosition(at);
}

void CatalogFilterBar::emitFilters()
{
    emit filtersChanged(filters());
}

} // namespace suanli::ui
