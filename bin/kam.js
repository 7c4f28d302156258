#!/usr/bin/env node
import '../dist/kam.mjs';
