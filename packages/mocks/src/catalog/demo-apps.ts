// The seed catalog is the contract package's demo catalog, the same one the reference server
// serves, so stories and tests see exactly what the demo backend would answer.
export { demoCatalog as demoApps } from '@plugboard/contract/demo-catalog';
