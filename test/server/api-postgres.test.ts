import { apiBehaviour } from './api-behaviour.ts';

apiBehaviour('postgres');
