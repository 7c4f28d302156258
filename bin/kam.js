#!/usr/bin/env node
import { runBundle } from './bundle.js';

runBundle();
