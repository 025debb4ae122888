import { Argument, type Command } from 'commander';
import { ASIC_MODELS } from '../../core/hardware/asic-catalog.ts';
import { gpusPerItMw, itKwPerGpu } from '../../core/hardware/gpu.ts';
import { GPU_SYSTEMS } from '../../core/hardware/gpu-catalog.ts';
import { printJson, renderTable } from '../output.ts';

/** `mullet catalog asics|gpus`: the built-in hardware catalogs. */
export function registerCatalog(program: Command): void {
  program
    .command('catalog')
    .description('list the built-in hardware catalogs: SHA-256 ASICs or AI/HPC GPU systems')
    .addArgument(new Argument('<kind>', 'which catalog').choices(['asics', 'gpus']))
    .option('--json', 'print one JSON document (an array of rows, with each row’s sources)')
    .addHelpText(
      'after',
      `
asics: maker, model, release year, TH/s, W at the wall, J/TH (= W / TH/s), and the source of each row.
gpus:  system, GPU, GPUs per system, W per GPU, kW per system (max input), kW per GPU with its host share,
       GPUs per MW of critical IT, typical on-demand USD per GPU-hour, and the sources (estimates are marked).

Examples:
  $ mullet catalog asics
  manufacturer  model                 year  TH/s     W   J/TH
  ------------  --------------------  ----  ----  ----  -----
  Bitmain       Antminer S9           2016  13.5  1323     98
  ...
  $ mullet catalog gpus --json | jq '.[] | {model, usdPerGpuHour}'`,
    )
    .action((kind: 'asics' | 'gpus', opts: { json?: boolean }) => {
      if (kind === 'asics') {
        if (opts.json) return printJson(ASIC_MODELS);
        const rows = ASIC_MODELS.map((m) => ({
          manufacturer: m.manufacturer,
          model: m.model,
          year: m.releaseYear,
          thPerS: m.hashrateThPerS,
          powerW: m.powerW,
          jPerTh: Number(m.efficiencyJPerTh.toFixed(2)),
        }));
        const table = renderTable(
          [
            { key: 'manufacturer', title: 'manufacturer' },
            { key: 'model', title: 'model' },
            { key: 'year', title: 'year' },
            { key: 'thPerS', title: 'TH/s' },
            { key: 'powerW', title: 'W' },
            { key: 'jPerTh', title: 'J/TH' },
          ],
          rows,
        );
        process.stdout.write(`${table}\n\n${ASIC_MODELS.length} models; sources per row with --json\n`);
        return;
      }
      const systems = GPU_SYSTEMS.map((s) => ({
        ...s,
        itKwPerGpu: itKwPerGpu(s),
        gpusPerItMw: gpusPerItMw(s),
      }));
      if (opts.json) return printJson(systems);
      const rows = systems.map((s) => ({
        vendor: s.vendor,
        model: s.model,
        gpu: s.gpu,
        gpus: s.gpusPerSystem,
        gpuW: s.gpuPowerW,
        systemKw: s.systemPowerKw,
        kwPerGpu: Number(s.itKwPerGpu.toFixed(3)),
        gpusPerMw: Math.round(s.gpusPerItMw),
        usdPerGpuHour: s.usdPerGpuHour,
        estimate: /estimate/.test(s.note ?? '') ? 'yes' : '',
      }));
      const table = renderTable(
        [
          { key: 'vendor', title: 'vendor' },
          { key: 'model', title: 'system' },
          { key: 'gpu', title: 'GPU' },
          { key: 'gpus', title: 'GPUs' },
          { key: 'gpuW', title: 'W/GPU' },
          { key: 'systemKw', title: 'kW/system' },
          { key: 'kwPerGpu', title: 'kW/GPU' },
          { key: 'gpusPerMw', title: 'GPUs/MW' },
          { key: 'usdPerGpuHour', title: 'USD/GPU-h' },
          { key: 'estimate', title: 'estimate' },
        ],
        rows,
      );
      process.stdout.write(
        `${table}\n\n${systems.length} systems; prices are public on-demand list prices (2025-2026), ` +
          'contracts run 30-50% lower;\nsources and which figure is estimated: --json\n',
      );
    });
}
