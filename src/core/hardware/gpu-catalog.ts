import type { GpuSystem } from '../../schema/gpu-system.ts';

const LAMBDA =
  'Lambda on-demand, https://lambda.ai/instances, read 2026-09-20 as transcribed in ' +
  'github:api-evangelist/lambda-labs@1929382e7f9b4777d980aec12b6fc9e04e6718cb:plans/lambda-labs-plans-pricing.yml';
const HYPERSTACK =
  'Hyperstack on-demand, https://www.hyperstack.cloud/gpu-pricing, read 2026-08-26 as transcribed in ' +
  'github:api-evangelist/nexgen-cloud@0fa0509ef79e8b096a7dd124750e4fc508c61fa0:plans/nexgen-cloud-plans-pricing.yml';
const DGX_HOPPER_POWER = 'https://unanswered.io/guide/nvidia-dgx-power-consumption-watts';
const BLACKWELL_POWER = 'https://thedailyscout.com/s/mS-qfkbCluI';
/** DGX H100: 10.2 kW maximum input for 8 × 700 W GPUs, a ratio of 10.2 / 5.6 = 1.821 (used for estimates). */
export const SERVER_TO_GPU_POWER_RATIO = 10.2 / (8 * 0.7);
const ESTIMATED_SERVER =
  'systemPowerKw is an estimate: 8 × gpuPowerW × 1.821 (the DGX H100 ratio of maximum input to GPU power)';

/**
 * AI/HPC systems catalog. Power figures from the pages named per row (most as collected in Mullet's data kit,
 * gpu_systems.csv); rental prices are public on-demand list prices, per GPU-hour, from the provider pages
 * named in `priceSource` (read in 2026; they move quickly). Contracted (reserved, multi-year) prices are
 * typically 30–50% lower. Where a figure is an estimate, `note` says so.
 */
export const GPU_SYSTEMS: readonly GpuSystem[] = [
  {
    vendor: 'NVIDIA',
    model: 'DGX H100',
    gpu: 'H100 SXM5 80GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 700,
    systemPowerKw: 10.2,
    usdPerGpuHour: 3.99,
    source: `${DGX_HOPPER_POWER}; GPU 700 W: https://theneuralbase.com/ai-infrastructure/learn/advanced/h100-tdp-700w/`,
    priceSource: `${LAMBDA} (8x NVIDIA H100 SXM)`,
    note: 'six 3.3 kW PSUs, 4+2 redundant; typical draw 6.5-8.5 kW (https://www.supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100)',
  },
  {
    vendor: 'NVIDIA',
    model: 'DGX H200',
    gpu: 'H200 SXM 141GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 700,
    systemPowerKw: 10.2,
    usdPerGpuHour: 3.99,
    source: `${DGX_HOPPER_POWER}; GPU 700 W: https://www.aiminingco.com/gpu/h200/specs`,
    priceSource: `${HYPERSTACK} (NVIDIA H200 SXM)`,
  },
  {
    vendor: 'NVIDIA',
    model: 'DGX B200',
    gpu: 'B200',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 1000,
    systemPowerKw: 14.3,
    usdPerGpuHour: 6.69,
    source: `${BLACKWELL_POWER} (citing docs.nvidia.com); GPU: https://awesomeagents.ai/hardware/nvidia-b200`,
    priceSource: `${LAMBDA} (8x NVIDIA B200 SXM6)`,
  },
  {
    vendor: 'NVIDIA',
    model: 'DGX B300',
    gpu: 'B300',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 1200,
    systemPowerKw: 14.5,
    usdPerGpuHour: 7.4,
    source: `${BLACKWELL_POWER}; GPU: https://aiwiki.ai/wiki/nvidia_gb300_nvl72 (B300 draws ~200 W more than B200)`,
    priceSource: `${HYPERSTACK} (NVIDIA B300)`,
    note: 'gpuPowerW is an estimate: B200 1,000 W + ~200 W',
  },
  {
    vendor: 'NVIDIA',
    model: 'GB300 NVL72',
    gpu: 'B300 (Blackwell Ultra)',
    kind: 'rack',
    gpusPerSystem: 72,
    gpuPowerW: 1200,
    systemPowerKw: 132,
    usdPerGpuHour: 7.4,
    source: `${BLACKWELL_POWER}; ~120 kW draw: https://introl.com/blog/why-nvidia-gb300-nvl72-blackwell-ultra-matters`,
    priceSource: `${HYPERSTACK} (NVIDIA B300), used as an estimate`,
    note:
      'rack power is the shelf capacity (4 × 33 kW), not measured draw (~120 kW); liquid-cooled. No public ' +
      'on-demand per-GPU price for NVL72 racks (sold as reservations): the price is the B300 server rate, an estimate',
  },
  {
    vendor: 'NVIDIA',
    model: 'DGX A100 80GB',
    gpu: 'A100 SXM4 80GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 400,
    systemPowerKw: 6.5,
    usdPerGpuHour: 2.79,
    source:
      'https://pcnews.ru/news/vycislitelnaa_sistema_nvidia_dgx_a100_ampere_osnasaetsa_sestu_blokami_pitania_po_3_kvt-985106.html ' +
      '(6,500 W maximum, six 3 kW PSUs); GPU 400 W: https://pricegpu.pages.dev/blog/h100-vs-a100-cloud-price',
    priceSource: `${LAMBDA} (8x NVIDIA A100 SXM 80 GB)`,
  },
  {
    vendor: 'NVIDIA',
    model: 'H100 PCIe server',
    gpu: 'H100 PCIe 80GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 350,
    systemPowerKw: 5.1,
    usdPerGpuHour: 3.29,
    source: 'GPU 350 W: https://onestopsystems.com/pages/one-stop-systems-blog',
    priceSource: `${LAMBDA} (1x NVIDIA H100 PCIe)`,
    note: `generic 8-card PCIe server; ${ESTIMATED_SERVER}`,
  },
  {
    vendor: 'NVIDIA',
    model: 'H100 NVL server',
    gpu: 'H100 NVL 94GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 400,
    systemPowerKw: 5.83,
    usdPerGpuHour: 3.19,
    source: 'GPU 400 W: https://onestopsystems.com/pages/one-stop-systems-blog',
    priceSource:
      'RunPod Secure Cloud on-demand, https://www.runpod.io/pricing, read 2026-11-09 as transcribed in ' +
      'https://raw.githubusercontent.com/datareceipts/data-receipts/main/109-gpu-pricing/vendors.json',
    note: `generic 8-card PCIe server; ${ESTIMATED_SERVER}`,
  },
  {
    vendor: 'NVIDIA',
    model: 'L40S server',
    gpu: 'L40S 48GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 350,
    systemPowerKw: 5.1,
    usdPerGpuHour: 1.861,
    source: 'GPU 350 W: https://www.spheron.network/blog/nvidia-l40s-for-ai-inference',
    priceSource:
      'AWS g6e (1x L40S) us-east-1 on-demand, the median of seven on-demand quotes (0.86-3.51 USD) in ' +
      'https://modal.com/blog/nvidia-l40s-price-article (August 2025)',
    note: `generic 8-card PCIe server; ${ESTIMATED_SERVER}`,
  },
  {
    vendor: 'AMD',
    model: 'MI300X platform',
    gpu: 'Instinct MI300X 192GB',
    kind: 'server',
    gpusPerSystem: 8,
    gpuPowerW: 750,
    systemPowerKw: 10.93,
    usdPerGpuHour: 1.99,
    source:
      'GPU 750 W: https://awesomeagents.ai/hardware/amd-mi300x; 8-GPU OAM platform (https://gpu.blog/gpus/instinct-mi300x-mi300x)',
    priceSource:
      'median on-demand MI300X price across providers (1.50 TensorWave - 6 Azure/Oracle), ' +
      'https://www.cliffcenter.com/research/amd-inference-economics (2026-05-18)',
    note: ESTIMATED_SERVER,
  },
];
