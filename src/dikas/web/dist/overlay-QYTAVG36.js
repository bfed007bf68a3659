import{A as Bc}from"./chunk-NM7SWLNY.js";import{a as vr,b as _r}from"./chunk-OYJQKYV7.js";import{h as $c}from"./chunk-5Z62QG6I.js";import{a as Vc,d as Fc,e as Uc,f as we,g as yr,h as Yt,i as xr,j as Gc,k as Wc,l as At,m as On,o as rs,q as nt,r as Pr,s as Yc}from"./chunk-P5NYRA2M.js";import{b as He,c as mr,d as es,e as ns,g as J,j as jc,k as is,w as oe}from"./chunk-KPHL42VG.js";import{a as ap,b as $e,c as cp,d as L}from"./chunk-GINGPXMU.js";var Fd=ap((Fz,kc)=>{"use strict";kc.exports=Ho;kc.exports.default=Ho;function Ho(n,t,e){e=e||2;var i=t&&t.length,r=i?t[0]*e:n.length,o=Bd(n,0,r,e,!0),s=[];if(!o||o.next===o.prev)return s;var a,c,l,f,h,u,d;if(i&&(o=_P(n,t,o,e)),n.length>80*e){a=l=n[0],c=f=n[1];for(var p=e;p<r;p+=e)h=n[p],u=n[p+1],h<a&&(a=h),u<c&&(c=u),h>l&&(l=h),u>f&&(f=u);d=Math.max(l-a,f-c),d=d!==0?32767/d:0}return cr(o,s,e,a,c,d,0),s}function Bd(n,t,e,i,r){var o,s;if(r===Oc(n,t,e,i)>0)for(o=t;o<e;o+=i)s=Nd(o,n[o],n[o+1],s);else for(o=e-i;o>=t;o-=i)s=Nd(o,n[o],n[o+1],s);return s&&Zo(s,s.next)&&(fr(s),s=s.next),s}function Ye(n,t){if(!n)return n;t||(t=n);var e=n,i;do if(i=!1,!e.steiner&&(Zo(e,e.next)||U(e.prev,e,e.next)===0)){if(fr(e),e=t=e.prev,e===e.next)break;i=!0}else e=e.next;while(i||e!==t);return t}function cr(n,t,e,i,r,o,s){if(n){!s&&o&&MP(n,i,r,o);for(var a=n,c,l;n.prev!==n.next;){if(c=n.prev,l=n.next,o?yP(n,i,r,o):mP(n)){t.push(c.i/e|0),t.push(n.i/e|0),t.push(l.i/e|0),fr(n),n=l.next,a=l.next;continue}if(n=l,n===a){s?s===1?(n=xP(Ye(n),t,e),cr(n,t,e,i,r,o,2)):s===2&&vP(n,t,e,i,r,o):cr(Ye(n),t,e,i,r,o,1);break}}}}function mP(n){var t=n.prev,e=n,i=n.next;if(U(t,e,i)>=0)return!1;for(var r=t.x,o=e.x,s=i.x,a=t.y,c=e.y,l=i.y,f=r<o?r<s?r:s:o<s?o:s,h=a<c?a<l?a:l:c<l?c:l,u=r>o?r>s?r:s:o>s?o:s,d=a>c?a>l?a:l:c>l?c:l,p=i.next;p!==t;){if(p.x>=f&&p.x<=u&&p.y>=h&&p.y<=d&&An(r,a,o,c,s,l,p.x,p.y)&&U(p.prev,p,p.next)>=0)return!1;p=p.next}return!0}function yP(n,t,e,i){var r=n.prev,o=n,s=n.next;if(U(r,o,s)>=0)return!1;for(var a=r.x,c=o.x,l=s.x,f=r.y,h=o.y,u=s.y,d=a<c?a<l?a:l:c<l?c:l,p=f<h?f<u?f:u:h<u?h:u,g=a>c?a>l?a:l:c>l?c:l,m=f>h?f>u?f:u:h>u?h:u,v=Ic(d,p,t,e,i),_=Ic(g,m,t,e,i),y=n.prevZ,x=n.nextZ;y&&y.z>=v&&x&&x.z<=_;){if(y.x>=d&&y.x<=g&&y.y>=p&&y.y<=m&&y!==r&&y!==s&&An(a,f,c,h,l,u,y.x,y.y)&&U(y.prev,y,y.next)>=0||(y=y.prevZ,x.x>=d&&x.x<=g&&x.y>=p&&x.y<=m&&x!==r&&x!==s&&An(a,f,c,h,l,u,x.x,x.y)&&U(x.prev,x,x.next)>=0))return!1;x=x.nextZ}for(;y&&y.z>=v;){if(y.x>=d&&y.x<=g&&y.y>=p&&y.y<=m&&y!==r&&y!==s&&An(a,f,c,h,l,u,y.x,y.y)&&U(y.prev,y,y.next)>=0)return!1;y=y.prevZ}for(;x&&x.z<=_;){if(x.x>=d&&x.x<=g&&x.y>=p&&x.y<=m&&x!==r&&x!==s&&An(a,f,c,h,l,u,x.x,x.y)&&U(x.prev,x,x.next)>=0)return!1;x=x.nextZ}return!0}function xP(n,t,e){var i=n;do{var r=i.prev,o=i.next.next;!Zo(r,o)&&jd(r,i,i.next,o)&&lr(r,o)&&lr(o,r)&&(t.push(r.i/e|0),t.push(i.i/e|0),t.push(o.i/e|0),fr(i),fr(i.next),i=n=o),i=i.next}while(i!==n);return Ye(i)}function vP(n,t,e,i,r,o){var s=n;do{for(var a=s.next.next;a!==s.prev;){if(s.i!==a.i&&TP(s,a)){var c=Vd(s,a);s=Ye(s,s.next),c=Ye(c,c.next),cr(s,t,e,i,r,o,0),cr(c,t,e,i,r,o,0);return}a=a.next}s=s.next}while(s!==n)}function _P(n,t,e,i){var r=[],o,s,a,c,l;for(o=0,s=t.length;o<s;o++)a=t[o]*i,c=o<s-1?t[o+1]*i:n.length,l=Bd(n,a,c,i,!1),l===l.next&&(l.steiner=!0),r.push(CP(l));for(r.sort(PP),o=0;o<r.length;o++)e=wP(r[o],e);return e}function PP(n,t){return n.x-t.x}function wP(n,t){var e=bP(n,t);if(!e)return t;var i=Vd(e,n);return Ye(i,i.next),Ye(e,e.next)}function bP(n,t){var e=t,i=n.x,r=n.y,o=-1/0,s;do{if(r<=e.y&&r>=e.next.y&&e.next.y!==e.y){var a=e.x+(r-e.y)*(e.next.x-e.x)/(e.next.y-e.y);if(a<=i&&a>o&&(o=a,s=e.x<e.next.x?e:e.next,a===i))return s}e=e.next}while(e!==t);if(!s)return null;var c=s,l=s.x,f=s.y,h=1/0,u;e=s;do i>=e.x&&e.x>=l&&i!==e.x&&An(r<f?i:o,r,l,f,r<f?o:i,r,e.x,e.y)&&(u=Math.abs(r-e.y)/(i-e.x),lr(e,n)&&(u<h||u===h&&(e.x>s.x||e.x===s.x&&EP(s,e)))&&(s=e,h=u)),e=e.next;while(e!==c);return s}function EP(n,t){return U(n.prev,n,t.prev)<0&&U(t.next,n,n.next)<0}function MP(n,t,e,i){var r=n;do r.z===0&&(r.z=Ic(r.x,r.y,t,e,i)),r.prevZ=r.prev,r.nextZ=r.next,r=r.next;while(r!==n);r.prevZ.nextZ=null,r.prevZ=null,SP(r)}function SP(n){var t,e,i,r,o,s,a,c,l=1;do{for(e=n,n=null,o=null,s=0;e;){for(s++,i=e,a=0,t=0;t<l&&(a++,i=i.nextZ,!!i);t++);for(c=l;a>0||c>0&&i;)a!==0&&(c===0||!i||e.z<=i.z)?(r=e,e=e.nextZ,a--):(r=i,i=i.nextZ,c--),o?o.nextZ=r:n=r,r.prevZ=o,o=r;e=i}o.nextZ=null,l*=2}while(s>1);return n}function Ic(n,t,e,i,r){return n=(n-e)*r|0,t=(t-i)*r|0,n=(n|n<<8)&16711935,n=(n|n<<4)&252645135,n=(n|n<<2)&858993459,n=(n|n<<1)&1431655765,t=(t|t<<8)&16711935,t=(t|t<<4)&252645135,t=(t|t<<2)&858993459,t=(t|t<<1)&1431655765,n|t<<1}function CP(n){var t=n,e=n;do(t.x<e.x||t.x===e.x&&t.y<e.y)&&(e=t),t=t.next;while(t!==n);return e}function An(n,t,e,i,r,o,s,a){return(r-s)*(t-a)>=(n-s)*(o-a)&&(n-s)*(i-a)>=(e-s)*(t-a)&&(e-s)*(o-a)>=(r-s)*(i-a)}function TP(n,t){return n.next.i!==t.i&&n.prev.i!==t.i&&!LP(n,t)&&(lr(n,t)&&lr(t,n)&&AP(n,t)&&(U(n.prev,n,t.prev)||U(n,t.prev,t))||Zo(n,t)&&U(n.prev,n,n.next)>0&&U(t.prev,t,t.next)>0)}function U(n,t,e){return(t.y-n.y)*(e.x-t.x)-(t.x-n.x)*(e.y-t.y)}function Zo(n,t){return n.x===t.x&&n.y===t.y}function jd(n,t,e,i){var r=$o(U(n,t,e)),o=$o(U(n,t,i)),s=$o(U(e,i,n)),a=$o(U(e,i,t));return!!(r!==o&&s!==a||r===0&&Yo(n,e,t)||o===0&&Yo(n,i,t)||s===0&&Yo(e,n,i)||a===0&&Yo(e,t,i))}function Yo(n,t,e){return t.x<=Math.max(n.x,e.x)&&t.x>=Math.min(n.x,e.x)&&t.y<=Math.max(n.y,e.y)&&t.y>=Math.min(n.y,e.y)}function $o(n){return n>0?1:n<0?-1:0}function LP(n,t){var e=n;do{if(e.i!==n.i&&e.next.i!==n.i&&e.i!==t.i&&e.next.i!==t.i&&jd(e,e.next,n,t))return!0;e=e.next}while(e!==n);return!1}function lr(n,t){return U(n.prev,n,n.next)<0?U(n,t,n.next)>=0&&U(n,n.prev,t)>=0:U(n,t,n.prev)<0||U(n,n.next,t)<0}function AP(n,t){var e=n,i=!1,r=(n.x+t.x)/2,o=(n.y+t.y)/2;do e.y>o!=e.next.y>o&&e.next.y!==e.y&&r<(e.next.x-e.x)*(o-e.y)/(e.next.y-e.y)+e.x&&(i=!i),e=e.next;while(e!==n);return i}function Vd(n,t){var e=new Rc(n.i,n.x,n.y),i=new Rc(t.i,t.x,t.y),r=n.next,o=t.prev;return n.next=t,t.prev=n,e.next=r,r.prev=e,i.next=e,e.prev=i,o.next=i,i.prev=o,i}function Nd(n,t,e,i){var r=new Rc(n,t,e);return i?(r.next=i.next,r.prev=i,i.next.prev=r,i.next=r):(r.prev=r,r.next=r),r}function fr(n){n.next.prev=n.prev,n.prev.next=n.next,n.prevZ&&(n.prevZ.nextZ=n.nextZ),n.nextZ&&(n.nextZ.prevZ=n.prevZ)}function Rc(n,t,e){this.i=n,this.x=t,this.y=e,this.prev=null,this.next=null,this.z=0,this.prevZ=null,this.nextZ=null,this.steiner=!1}Ho.deviation=function(n,t,e,i){var r=t&&t.length,o=r?t[0]*e:n.length,s=Math.abs(Oc(n,0,o,e));if(r)for(var a=0,c=t.length;a<c;a++){var l=t[a]*e,f=a<c-1?t[a+1]*e:n.length;s-=Math.abs(Oc(n,l,f,e))}var h=0;for(a=0;a<i.length;a+=3){var u=i[a]*e,d=i[a+1]*e,p=i[a+2]*e;h+=Math.abs((n[u]-n[p])*(n[d+1]-n[u+1])-(n[u]-n[d])*(n[p+1]-n[u+1]))}return s===0&&h===0?0:Math.abs((h-s)/s)};function Oc(n,t,e,i){for(var r=0,o=t,s=e-i;o<e;o+=i)r+=(n[s]-n[o])*(n[o+1]+n[s+1]),s=o;return r}Ho.flatten=function(n){for(var t=n[0][0].length,e={vertices:[],holes:[],dimensions:t},i=0,r=0;r<n.length;r++){for(var o=0;o<n[r].length;o++)for(var s=0;s<t;s++)e.vertices.push(n[r][o][s]);r>0&&(i+=n[r-1].length,e.holes.push(i))}return e}});function se(n,t){if(!n)throw new Error(t||"loader assertion failed.")}var It={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},lp=It.self||It.window||It.global||{},fp=It.window||It.self||It.global||{},hp=It.global||It.self||It.window||{},up=It.document||{};var be=!!(typeof process!="object"||String(process)!=="[object process]"||process.browser);var Hc=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),dp=Hc&&parseFloat(Hc[1])||0;var os="4.5.4",pp=os[0]>="0"&&os[0]<="9"?`v${os}`:"";function gp(){let n=new He({id:"loaders.gl"});return globalThis.loaders||(globalThis.loaders={}),globalThis.loaders.log=n,globalThis.loaders.version=pp,globalThis.probe||(globalThis.probe={}),globalThis.probe.loaders=n,n}var ss=gp();var mp=n=>typeof n=="boolean",Rt=n=>typeof n=="function",Ot=n=>n!==null&&typeof n=="object",wr=n=>Ot(n)&&n.constructor==={}.constructor;var as=n=>typeof SharedArrayBuffer<"u"&&n instanceof SharedArrayBuffer,Ze=n=>Ot(n)&&typeof n.byteLength=="number"&&typeof n.slice=="function";var cs=n=>!!n&&Rt(n[Symbol.iterator]),ls=n=>!!n&&Rt(n[Symbol.asyncIterator]);var ft=n=>typeof Response<"u"&&n instanceof Response||Ot(n)&&Rt(n.arrayBuffer)&&Rt(n.text)&&Rt(n.json);var ht=n=>typeof Blob<"u"&&n instanceof Blob;var Zc=n=>typeof ReadableStream<"u"&&n instanceof ReadableStream||Ot(n)&&Rt(n.tee)&&Rt(n.cancel)&&Rt(n.getReader);var qc=n=>Ot(n)&&Rt(n.read)&&Rt(n.pipe)&&mp(n.readable),kn=n=>Zc(n)||qc(n);function fs(n,t){return Xc(n||{},t)}function Xc(n,t,e=0){if(e>3)return t;let i={...n};for(let[r,o]of Object.entries(t))o&&typeof o=="object"&&!Array.isArray(o)?i[r]=Xc(i[r]||{},t[r],e+1):i[r]=t[r];return i}var Kc="latest";function yp(){return globalThis._loadersgl_?.version||(globalThis._loadersgl_=globalThis._loadersgl_||{},globalThis._loadersgl_.version="4.5.4"),globalThis._loadersgl_.version}var Jc=yp();function tt(n,t){if(!n)throw new Error(t||"loaders.gl assertion failed.")}var kt={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},nw=kt.self||kt.window||kt.global||{},iw=kt.window||kt.self||kt.global||{},rw=kt.global||kt.self||kt.window||{},ow=kt.document||{};var pt=typeof process!="object"||String(process)!=="[object process]"||process.browser;var tl=typeof window<"u"&&typeof window.orientation<"u",Qc=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),sw=Qc&&parseFloat(Qc[1])||0;var Dn=class{constructor(t,e){L(this,"name");L(this,"workerThread");L(this,"isRunning",!0);L(this,"result");L(this,"_resolve",()=>{});L(this,"_reject",()=>{});this.name=t,this.workerThread=e,this.result=new Promise((i,r)=>{this._resolve=i,this._reject=r})}postMessage(t,e){this.workerThread.postMessage({source:"loaders.gl",type:t,payload:e})}done(t){tt(this.isRunning),this.isRunning=!1,this._resolve(t)}error(t){tt(this.isRunning),this.isRunning=!1,this._reject(t)}};var qe=class{terminate(){}};var hs=new Map;function el(n){tt(n.source&&!n.url||!n.source&&n.url);let t=hs.get(n.source||n.url);return t||(n.url&&(t=xp(n.url),hs.set(n.url,t)),n.source&&(t=nl(n.source),hs.set(n.source,t))),tt(t),t}function xp(n){if(!n.startsWith("http"))return n;let t=vp(n);return nl(t)}function nl(n){let t=new Blob([n],{type:"application/javascript"});return URL.createObjectURL(t)}function vp(n){return`try {
  importScripts('${n}');
} catch (error) {
  console.error(error);
  throw error;
}`}function us(n,t=!0,e){let i=e||new Set;if(n){if(il(n))i.add(n);else if(il(n.buffer))i.add(n.buffer);else if(!ArrayBuffer.isView(n)){if(t&&typeof n=="object")for(let r in n)us(n[r],t,i)}}return e===void 0?Array.from(i):[]}function il(n){return n?n instanceof ArrayBuffer||typeof MessagePort<"u"&&n instanceof MessagePort||typeof ImageBitmap<"u"&&n instanceof ImageBitmap||typeof OffscreenCanvas<"u"&&n instanceof OffscreenCanvas:!1}var ds=()=>{},ae=class{constructor(t){L(this,"name");L(this,"source");L(this,"url");L(this,"terminated",!1);L(this,"worker");L(this,"onMessage");L(this,"onError");L(this,"_loadableURL","");let{name:e,source:i,url:r}=t;tt(i||r),this.name=e,this.source=i,this.url=r,this.onMessage=ds,this.onError=o=>console.log(o),this.worker=pt?this._createBrowserWorker():this._createNodeWorker()}static isSupported(){return typeof Worker<"u"&&pt||typeof qe<"u"&&!pt}destroy(){this.onMessage=ds,this.onError=ds,this.worker.terminate(),this.terminated=!0}get isRunning(){return!!this.onMessage}postMessage(t,e){e=e||us(t),this.worker.postMessage(t,e)}_getErrorFromErrorEvent(t){let e="Failed to load ";return e+=`worker ${this.name} from ${this.url}. `,t.message&&(e+=`${t.message} in `),t.lineno&&(e+=`:${t.lineno}:${t.colno}`),new Error(e)}_createBrowserWorker(){this._loadableURL=el({source:this.source,url:this.url});let t=new Worker(this._loadableURL,{name:this.name});return t.onmessage=e=>{e.data?this.onMessage(e.data):this.onError(new Error("No data received"))},t.onerror=e=>{this.onError(this._getErrorFromErrorEvent(e)),this.terminated=!0},t.onmessageerror=e=>console.error(e),t}_createNodeWorker(){let t;if(this.url){let i=this.url.includes(":/")||this.url.startsWith("/")?this.url:`./${this.url}`,r=this.url.endsWith(".ts")||this.url.endsWith(".mjs")?"module":"commonjs";t=new qe(i,{eval:!1,type:r})}else if(this.source)t=new qe(this.source,{eval:!0});else throw new Error("no worker");return t.on("message",e=>{this.onMessage(e)}),t.on("error",e=>{this.onError(e)}),t.on("exit",e=>{}),t}};var zn=class{constructor(t){L(this,"name","unnamed");L(this,"source");L(this,"url");L(this,"maxConcurrency",1);L(this,"maxMobileConcurrency",1);L(this,"onDebug",()=>{});L(this,"reuseWorkers",!0);L(this,"props",{});L(this,"jobQueue",[]);L(this,"idleQueue",[]);L(this,"count",0);L(this,"isDestroyed",!1);this.source=t.source,this.url=t.url,this.setProps(t)}static isSupported(){return ae.isSupported()}destroy(){this.idleQueue.forEach(t=>t.destroy()),this.isDestroyed=!0}setProps(t){this.props={...this.props,...t},t.name!==void 0&&(this.name=t.name),t.maxConcurrency!==void 0&&(this.maxConcurrency=t.maxConcurrency),t.maxMobileConcurrency!==void 0&&(this.maxMobileConcurrency=t.maxMobileConcurrency),t.reuseWorkers!==void 0&&(this.reuseWorkers=t.reuseWorkers),t.onDebug!==void 0&&(this.onDebug=t.onDebug)}async startJob(t,e=(r,o,s)=>r.done(s),i=(r,o)=>r.error(o)){let r=new Promise(o=>(this.jobQueue.push({name:t,onMessage:e,onError:i,onStart:o}),this));return this._startQueuedJob(),await r}async _startQueuedJob(){if(!this.jobQueue.length)return;let t=this._getAvailableWorker();if(!t)return;let e=this.jobQueue.shift();if(e){this.onDebug({message:"Starting job",name:e.name,workerThread:t,backlog:this.jobQueue.length});let i=new Dn(e.name,t);t.onMessage=r=>e.onMessage(i,r.type,r.payload),t.onError=r=>e.onError(i,r),e.onStart(i);try{await i.result}catch(r){console.error(`Worker exception: ${r}`)}finally{this.returnWorkerToQueue(t)}}}returnWorkerToQueue(t){!pt||this.isDestroyed||!this.reuseWorkers||this.count>this._getMaxConcurrency()?(t.destroy(),this.count--):this.idleQueue.push(t),this.isDestroyed||this._startQueuedJob()}_getAvailableWorker(){if(this.idleQueue.length>0)return this.idleQueue.shift()||null;if(this.count<this._getMaxConcurrency()){this.count++;let t=`${this.name.toLowerCase()} (#${this.count} of ${this.maxConcurrency})`;return new ae({name:t,source:this.source,url:this.url})}return null}_getMaxConcurrency(){return tl?this.maxMobileConcurrency:this.maxConcurrency}};var _p={maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:!0,onDebug:()=>{}},ce=class ce{constructor(t){L(this,"props");L(this,"workerPools",new Map);this.props={..._p},this.setProps(t),this.workerPools=new Map}static isSupported(){return ae.isSupported()}static getWorkerFarm(t={}){return ce._workerFarm=ce._workerFarm||new ce({}),ce._workerFarm.setProps(t),ce._workerFarm}destroy(){for(let t of this.workerPools.values())t.destroy();this.workerPools=new Map}setProps(t){this.props={...this.props,...t};for(let e of this.workerPools.values())e.setProps(this._getWorkerPoolProps())}getWorkerPool(t){let{name:e,source:i,url:r}=t,o=this.workerPools.get(e);return o||(o=new zn({name:e,source:i,url:r}),o.setProps(this._getWorkerPoolProps()),this.workerPools.set(e,o)),o}_getWorkerPoolProps(){return{maxConcurrency:this.props.maxConcurrency,maxMobileConcurrency:this.props.maxMobileConcurrency,reuseWorkers:this.props.reuseWorkers,onDebug:this.props.onDebug}}};L(ce,"_workerFarm");var Ee=ce;function ps(n,t={}){let e=t[n.id]||{},i=pt?n.workerFile||`${n.id}-worker.js`:`${n.id}-worker-node.js`,r=e.workerUrl;if(!r&&n.id==="compression"&&(r=t.workerUrl),(t._workerType||t?.core?._workerType)==="test"&&(pt?r=`modules/${n.module}/dist/${i}`:r=`modules/${n.module}/src/workers/${n.id}-worker-node.ts`),!r){let s=n.version;s==="latest"&&(s=Kc);let a=s?`@${s}`:"";r=`https://unpkg.com/@loaders.gl/${n.module}${a}/dist/${i}`}return tt(r),r}function gs(n,t=Jc){tt(n,"no worker provided");let e=n.version;return!(!t||!e)}function ms(n,t){if(!Ee.isSupported())return!1;let e=t?._nodeWorkers??t?.core?._nodeWorkers;if(!pt&&!e)return!1;let i=t?.worker??t?.core?.worker;return!!(n.worker&&i)}async function ys(n,t,e,i,r){let o=n.id,s=ps(n,e),c=Ee.getWorkerFarm(e?.core).getWorkerPool({name:o,url:s});e=JSON.parse(JSON.stringify(e||{})),e._workerLoaderId=n.id,i=JSON.parse(JSON.stringify(i||{}));let l=await c.startJob("process-on-worker",Pp.bind(null,r));return l.postMessage("process",{input:t,options:e,context:i}),await(await l.result).result}async function Pp(n,t,e,i){switch(e){case"done":t.done(i);break;case"error":t.error(new Error(i.error));break;case"process":let{id:r,input:o,options:s}=i;try{let a=await n(o,s);t.postMessage("done",{id:r,result:a})}catch(a){let c=a instanceof Error?a.message:"unknown error";t.postMessage("error",{id:r,error:c})}break;default:console.warn(`parse-with-worker unknown message ${e}`)}}function xs(n,t,e){if(e=e||n.byteLength,n.byteLength<e||t.byteLength<e)return!1;let i=new Uint8Array(n),r=new Uint8Array(t);for(let o=0;o<i.length;++o)if(i[o]!==r[o])return!1;return!0}function vs(...n){return rl(n)}function rl(n){let t=n.map(o=>o instanceof ArrayBuffer?new Uint8Array(o):o),e=t.reduce((o,s)=>o+s.byteLength,0),i=new Uint8Array(e),r=0;for(let o of t)i.set(o,r),r+=o.byteLength;return i.buffer}async function _s(n){let t=[];for await(let e of n)t.push(wp(e));return vs(...t)}function wp(n){if(n instanceof ArrayBuffer)return n;if(ArrayBuffer.isView(n)){let{buffer:t,byteOffset:e,byteLength:i}=n;return ol(t,e,i)}return ol(n)}function ol(n,t=0,e=n.byteLength-t){let i=new Uint8Array(n,t,e),r=new Uint8Array(i.length);return r.set(i),r.buffer}var bp="",sl={};function Ps(n){for(let t in sl)if(n.startsWith(t)){let e=sl[t];n=n.replace(t,e)}return!n.startsWith("http://")&&!n.startsWith("https://")&&(n=`${bp}${n}`),n}function Er(n){return n&&typeof n=="object"&&n.isBuffer}function Xe(n){if(Er(n))return n;if(n instanceof ArrayBuffer)return n;if(as(n))return br(n);if(ArrayBuffer.isView(n)){let t=n.buffer;return n.byteOffset===0&&n.byteLength===n.buffer.byteLength?t:t.slice(n.byteOffset,n.byteOffset+n.byteLength)}if(typeof n=="string"){let t=n;return new TextEncoder().encode(t).buffer}if(n&&typeof n=="object"&&n._toArrayBuffer)return n._toArrayBuffer();throw new Error("toArrayBuffer")}function Nn(n){if(n instanceof ArrayBuffer)return n;if(as(n))return br(n);let{buffer:t,byteOffset:e,byteLength:i}=n;return t instanceof ArrayBuffer&&e===0&&i===t.byteLength?t:br(t,e,i)}function br(n,t=0,e=n.byteLength-t){let i=new Uint8Array(n,t,e),r=new Uint8Array(i.length);return r.set(i),r.buffer}function ws(n){return ArrayBuffer.isView(n)?n:new Uint8Array(n)}var $t={};$e($t,{dirname:()=>Mp,filename:()=>Ep,join:()=>Sp,resolve:()=>Cp});function al(){if(typeof process<"u"&&typeof process.cwd<"u")return process.cwd();let n=window.location?.pathname;return n?.slice(0,n.lastIndexOf("/")+1)||""}function Ep(n){let t=n?n.lastIndexOf("/"):-1;return t>=0?n.substr(t+1):n}function Mp(n){let t=n?n.lastIndexOf("/"):-1;return t>=0?n.substr(0,t):""}function Sp(...n){return n=n.map((e,i)=>(i&&(e=e.replace(new RegExp("^/"),"")),i!==n.length-1&&(e=e.replace(new RegExp("/$"),"")),e)),n.join("/")}function Cp(...n){let t=[];for(let o=0;o<n.length;o++)t[o]=n[o];let e="",i=!1,r;for(let o=t.length-1;o>=-1&&!i;o--){let s;o>=0?s=t[o]:(r===void 0&&(r=al()),s=r),s.length!==0&&(e=`${s}/${e}`,i=s.charCodeAt(0)===Bn)}return e=Tp(e,!i),i?`/${e}`:e.length>0?e:"."}var Bn=47,bs=46;function Tp(n,t){let e="",i=-1,r=0,o,s=!1;for(let a=0;a<=n.length;++a){if(a<n.length)o=n.charCodeAt(a);else{if(o===Bn)break;o=Bn}if(o===Bn){if(!(i===a-1||r===1))if(i!==a-1&&r===2){if(e.length<2||!s||e.charCodeAt(e.length-1)!==bs||e.charCodeAt(e.length-2)!==bs){if(e.length>2){let c=e.length-1,l=c;for(;l>=0&&e.charCodeAt(l)!==Bn;--l);if(l!==c){e=l===-1?"":e.slice(0,l),i=a,r=0,s=!1;continue}}else if(e.length===2||e.length===1){e="",i=a,r=0,s=!1;continue}}t&&(e.length>0?e+="/..":e="..",s=!0)}else{let c=n.slice(i+1,a);e.length>0?e+=`/${c}`:e=c,s=!1}i=a,r=0}else o===bs&&r!==-1?++r:r=-1}return e}var Mr=class extends Error{constructor(e,i){super(e);L(this,"reason");L(this,"url");L(this,"response");this.reason=i.reason,this.url=i.url,this.response=i.response}};var Ip=/^data:([-\w.]+\/[-\w.+]+)(;|,)/,Rp=/^([-\w.]+\/[-\w.+]+)/;function Es(n,t){return n.toLowerCase()===t.toLowerCase()}function cl(n){let t=Rp.exec(n);return t?t[1]:n}function Ms(n){let t=Ip.exec(n);return t?t[1]:""}var ll=/\?.*/;function fl(n){let t=n.match(ll);return t&&t[0]}function le(n){return n.replace(ll,"")}function hl(n){if(n.length<50)return n;let t=n.slice(n.length-15);return`${n.substr(0,32)}...${t}`}function Me(n){return ft(n)?n.url:ht(n)?("name"in n?n.name:"")||"":typeof n=="string"?n:""}function Ke(n){if(ft(n)){let t=n.headers.get("content-type")||"",e=le(n.url);return cl(t)||Ms(e)}return ht(n)?n.type||"":typeof n=="string"?Ms(n):""}function ul(n){return ft(n)?n.headers["content-length"]||-1:ht(n)?n.size:typeof n=="string"?n.length:n instanceof ArrayBuffer||ArrayBuffer.isView(n)?n.byteLength:-1}async function Sr(n){if(ft(n))return n;let t={},e=ul(n);e>=0&&(t["content-length"]=String(e));let i=Me(n),r=Ke(n);r&&(t["content-type"]=r);let o=await kp(n);o&&(t["x-first-bytes"]=o),typeof n=="string"&&(n=new TextEncoder().encode(n));let s=new Response(n,{headers:t});return Object.defineProperty(s,"url",{value:i}),s}async function dl(n){if(!n.ok)throw await Op(n)}async function Op(n){let t=hl(n.url),e=`Failed to fetch resource (${n.status}) ${n.statusText}: ${t}`;e=e.length>100?`${e.slice(0,100)}...`:e;let i={reason:n.statusText,url:n.url,response:n};try{let r=n.headers.get("Content-Type");i.reason=!n.bodyUsed&&r?.includes("application/json")?await n.json():await n.text()}catch{}return new Mr(e,i)}async function kp(n){if(typeof n=="string")return`data:,${n.slice(0,5)}`;if(n instanceof Blob){let e=n.slice(0,5);return await new Promise(i=>{let r=new FileReader;r.onload=o=>i(o?.target?.result),r.readAsDataURL(e)})}if(n instanceof ArrayBuffer){let e=n.slice(0,5);return`data:base64,${Dp(e)}`}return null}function Dp(n){let t="",e=new Uint8Array(n);for(let i=0;i<e.byteLength;i++)t+=String.fromCharCode(e[i]);return btoa(t)}function zp(n){return!Np(n)&&!Bp(n)}function Np(n){return n.startsWith("http:")||n.startsWith("https:")}function Bp(n){return n.startsWith("data:")}async function Ss(n,t){if(typeof n=="string"){let e=Ps(n);return zp(e)&&globalThis.loaders?.fetchNode?globalThis.loaders?.fetchNode(e,t):await fetch(e,t)}return await Sr(n)}var jn=new He({id:"loaders.gl"}),Cr=class{log(){return()=>{}}info(){return()=>{}}warn(){return()=>{}}error(){return()=>{}}},Tr=class{constructor(){L(this,"console");this.console=console}log(...t){return this.console.log.bind(this.console,...t)}info(...t){return this.console.info.bind(this.console,...t)}warn(...t){return this.console.warn.bind(this.console,...t)}error(...t){return this.console.error.bind(this.console,...t)}};var Lr={core:{baseUrl:void 0,fetch:null,mimeType:void 0,fallbackMimeType:void 0,ignoreRegisteredLoaders:void 0,nothrow:!1,log:new Tr,useLocalLibraries:!1,CDN:"https://unpkg.com/@loaders.gl",worker:!0,maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:be,_nodeWorkers:!1,_workerType:"",limit:0,_limitMB:0,batchSize:"auto",batchDebounceMs:0,metadata:!1,transforms:[]}},pl={baseUri:"core.baseUrl",fetch:"core.fetch",mimeType:"core.mimeType",fallbackMimeType:"core.fallbackMimeType",ignoreRegisteredLoaders:"core.ignoreRegisteredLoaders",nothrow:"core.nothrow",log:"core.log",useLocalLibraries:"core.useLocalLibraries",CDN:"core.CDN",worker:"core.worker",maxConcurrency:"core.maxConcurrency",maxMobileConcurrency:"core.maxMobileConcurrency",reuseWorkers:"core.reuseWorkers",_nodeWorkers:"core.nodeWorkers",_workerType:"core._workerType",_worker:"core._workerType",limit:"core.limit",_limitMB:"core._limitMB",batchSize:"core.batchSize",batchDebounceMs:"core.batchDebounceMs",metadata:"core.metadata",transforms:"core.transforms",throws:"nothrow",dataType:"(no longer used)",uri:"core.baseUrl",method:"core.fetch.method",headers:"core.fetch.headers",body:"core.fetch.body",mode:"core.fetch.mode",credentials:"core.fetch.credentials",cache:"core.fetch.cache",redirect:"core.fetch.redirect",referrer:"core.fetch.referrer",referrerPolicy:"core.fetch.referrerPolicy",integrity:"core.fetch.integrity",keepalive:"core.fetch.keepalive",signal:"core.fetch.signal"};var Cs=["baseUrl","fetch","mimeType","fallbackMimeType","ignoreRegisteredLoaders","nothrow","log","useLocalLibraries","CDN","worker","maxConcurrency","maxMobileConcurrency","reuseWorkers","_nodeWorkers","_workerType","limit","_limitMB","batchSize","batchDebounceMs","metadata","transforms"];function Ts(){globalThis.loaders=globalThis.loaders||{};let{loaders:n}=globalThis;return n._state||(n._state={}),n._state}function Ls(){let n=Ts();return n.globalOptions=n.globalOptions||{...Lr,core:{...Lr.core}},Ht(n.globalOptions)}function yl(n,t,e,i){return e=e||[],e=Array.isArray(e)?e:[e],jp(n,e),Ht(Fp(t,n,i))}function Ht(n){let t=Gp(n);xl(t);for(let e of Cs)t.core&&t.core[e]!==void 0&&delete t[e];return t.core&&t.core._workerType!==void 0&&delete t._worker,t}function jp(n,t){gl(n,null,Lr,pl,t);for(let e of t){let i=n&&n[e.id]||{},r=e.options&&e.options[e.id]||{},o=e.deprecatedOptions&&e.deprecatedOptions[e.id]||{};gl(i,e.id,r,o,t)}}function gl(n,t,e,i,r){let o=t||"Top level",s=t?`${t}.`:"";for(let a in n){let c=!t&&Ot(n[a]),l=a==="baseUri"&&!t,f=a==="workerUrl"&&t;if(!(a in e)&&!l&&!f){if(a in i)jn.level>0&&jn.warn(`${o} loader option '${s}${a}' no longer supported, use '${i[a]}'`)();else if(!c&&jn.level>0){let h=Vp(a,r);jn.warn(`${o} loader option '${s}${a}' not recognized. ${h}`)()}}}}function Vp(n,t){let e=n.toLowerCase(),i="";for(let r of t)for(let o in r.options){if(n===o)return`Did you mean '${r.id}.${o}'?`;let s=o.toLowerCase();(e.startsWith(s)||s.startsWith(e))&&(i=i||`Did you mean '${r.id}.${o}'?`)}return i}function Fp(n,t,e){let i=n.options||{},r={...i};i.core&&(r.core={...i.core}),xl(r),r.core?.log===null&&(r.core={...r.core,log:new Cr}),ml(r,Ht(Ls()));let o=Ht(t);return ml(r,o),Up(r,e),Wp(r),r}function ml(n,t){for(let e in t)if(e in t){let i=t[e];wr(i)&&wr(n[e])?n[e]={...n[e],...t[e]}:n[e]=t[e]}}function Up(n,t){if(!t)return;n.core?.baseUrl!==void 0||(n.core||(n.core={}),n.core.baseUrl=$t.dirname(le(t)))}function Gp(n){let t={...n};return n.core&&(t.core={...n.core}),t}function xl(n){n.baseUri!==void 0&&(n.core||(n.core={}),n.core.baseUrl===void 0&&(n.core.baseUrl=n.baseUri));for(let e of Cs)if(n[e]!==void 0){let r=n.core=n.core||{};r[e]===void 0&&(r[e]=n[e])}let t=n._worker;t!==void 0&&(n.core||(n.core={}),n.core._workerType===void 0&&(n.core._workerType=t))}function Wp(n){let t=n.core;if(t)for(let e of Cs)t[e]!==void 0&&(n[e]=t[e])}function Vn(n){return n?(Array.isArray(n)&&(n=n[0]),Array.isArray(n?.extensions)):!1}function Fn(n){se(n,"null loader"),se(Vn(n),"invalid loader");let t;return Array.isArray(n)&&(t=n[1],n=n[0],n={...n,options:{...n.options,...t}}),(n?.parseTextSync||n?.parseText)&&(n.text=!0),n.text||(n.binary=!0),n}var vl=()=>{let n=Ts();return n.loaderRegistry=n.loaderRegistry||[],n.loaderRegistry};function As(n){let t=vl();n=Array.isArray(n)?n:[n];for(let e of n){let i=Fn(e);t.find(r=>i===r)||t.unshift(i)}}function _l(){return vl()}var Yp=/\.([^.]+)$/;async function bl(n,t=[],e,i){if(!El(n))return null;let r=Ht(e||{});if(r.core||(r.core={}),n instanceof Response&&Pl(n)){let s=await n.clone().text(),a=Ar(s,t,{...r,core:{...r.core,nothrow:!0}},i);if(a)return a}let o=Ar(n,t,{...r,core:{...r.core,nothrow:!0}},i);if(o)return o;if(ht(n)&&(n=await n.slice(0,10).arrayBuffer(),o=Ar(n,t,r,i)),!o&&n instanceof Response&&Pl(n)){let s=await n.clone().text();o=Ar(s,t,r,i)}if(!o&&!r.core.nothrow)throw new Error(Ml(n));return o}function Pl(n){let t=Ke(n);return!!(t&&(t.startsWith("text/")||t==="application/json"||t.endsWith("+json")))}function Ar(n,t=[],e,i){if(!El(n))return null;let r=Ht(e||{});if(r.core||(r.core={}),t&&!Array.isArray(t))return Fn(t);let o=[];t&&(o=o.concat(t)),r.core.ignoreRegisteredLoaders||o.push(..._l()),Hp(o);let s=$p(n,o,r,i);if(!s&&!r.core.nothrow)throw new Error(Ml(n));return s}function $p(n,t,e,i){let r=Me(n),o=Ke(n),s=le(r)||i?.url,a=null,c="";return e?.core?.mimeType&&(a=Is(t,e?.core?.mimeType),c=`match forced by supplied MIME type ${e?.core?.mimeType}`),a=a||Zp(t,s),c=c||(a?`matched url ${s}`:""),a=a||Is(t,o),c=c||(a?`matched MIME type ${o}`:""),a=a||Xp(t,n),c=c||(a?`matched initial data ${Sl(n)}`:""),e?.core?.fallbackMimeType&&(a=a||Is(t,e?.core?.fallbackMimeType),c=c||(a?`matched fallback MIME type ${o}`:"")),c&&ss.log(1,`selectLoader selected ${a?.name}: ${c}.`),a}function El(n){return!(n instanceof Response&&n.status===204)}function Ml(n){let t=Me(n),e=Ke(n),i="No valid loader found (";i+=t?`${$t.filename(t)}, `:"no url provided, ",i+=`MIME type: ${e?`"${e}"`:"not provided"}, `;let r=n?Sl(n):"";return i+=r?` first bytes: "${r}"`:"first bytes: not available",i+=")",i}function Hp(n){for(let t of n)Fn(t)}function Zp(n,t){let e=t&&Yp.exec(t),i=e&&e[1];return i?qp(n,i):null}function qp(n,t){t=t.toLowerCase();for(let e of n)for(let i of e.extensions)if(i.toLowerCase()===t)return e;return null}function Is(n,t){for(let e of n)if(e.mimeTypes?.some(i=>Es(t,i))||Es(t,`application/x.${e.id}`))return e;return null}function Xp(n,t){if(!t)return null;for(let e of n)if(typeof t=="string"){if(Kp(t,e))return e}else if(ArrayBuffer.isView(t)){if(wl(t.buffer,t.byteOffset,e))return e}else if(t instanceof ArrayBuffer&&wl(t,0,e))return e;return null}function Kp(n,t){return t.testText?t.testText(n):(Array.isArray(t.tests)?t.tests:[t.tests]).some(i=>n.startsWith(i))}function wl(n,t,e){return(Array.isArray(e.tests)?e.tests:[e.tests]).some(r=>Jp(n,t,e,r))}function Jp(n,t,e,i){if(Ze(i))return xs(i,n,i.byteLength);switch(typeof i){case"function":return i(Nn(n));case"string":let r=Rs(n,t,i.length);return i===r;default:return!1}}function Sl(n,t=5){return typeof n=="string"?n.slice(0,t):ArrayBuffer.isView(n)?Rs(n.buffer,n.byteOffset,t):n instanceof ArrayBuffer?Rs(n,0,t):""}function Rs(n,t,e){if(n.byteLength<t+e)return"";let i=new DataView(n),r="";for(let o=0;o<e;o++)r+=String.fromCharCode(i.getUint8(t+o));return r}var Qp=256*1024;function*Cl(n,t){let e=t?.chunkSize||Qp,i=0,r=new TextEncoder;for(;i<n.length;){let o=Math.min(n.length-i,e),s=n.slice(i,i+o);i+=o,yield Nn(r.encode(s))}}function*Tl(n,t={}){let{chunkSize:e=262144}=t,i=0;for(;i<n.byteLength;){let r=Math.min(n.byteLength-i,e),o=new ArrayBuffer(r),s=new Uint8Array(n,i,r);new Uint8Array(o).set(s),i+=r,yield o}}async function*Ll(n,t){let e=t?.chunkSize||1048576,i=0;for(;i<n.size;){let r=i+e,o=await n.slice(i,r).arrayBuffer();i=r,yield o}}function Os(n,t){return be?tg(n,t):eg(n,t)}async function*tg(n,t){let e=n.getReader(),i;try{for(;;){let r=i||e.read();t?._streamReadAhead&&(i=e.read());let{done:o,value:s}=await r;if(o)return;yield Xe(s)}}catch{e.releaseLock()}}async function*eg(n,t){for await(let e of n)yield Xe(e)}function Al(n,t){if(typeof n=="string")return Cl(n,t);if(n instanceof ArrayBuffer)return Tl(n,t);if(ht(n))return Ll(n,t);if(kn(n))return Os(n,t);if(ft(n)){let e=n.body;if(!e)throw new Error("Readable stream not available on Response");return Os(e,t)}throw new Error("makeIterator")}var Il="Cannot convert supplied data type";function ng(n,t,e){if(t.text&&typeof n=="string")return n;if(Er(n)&&(n=n.buffer),Ze(n)){let i=ws(n);return t.text&&!t.binary?new TextDecoder("utf8").decode(i):Xe(i)}throw new Error(Il)}async function Rl(n,t,e){if(typeof n=="string"||Ze(n))return ng(n,t,e);if(ht(n)&&(n=await Sr(n)),ft(n))return await dl(n),t.binary?await n.arrayBuffer():await n.text();if(kn(n)&&(n=Al(n,e)),cs(n)||ls(n))return _s(n);throw new Error(Il)}function Ir(n,t){let e=Ls(),i=n||e,r=i.fetch??i.core?.fetch;return typeof r=="function"?r:Ot(r)?o=>Ss(o,r):t?.fetch?t?.fetch:Ss}function Ol(n,t,e){if(e)return e;let i={fetch:Ir(t,n),...n};if(i.url){let r=le(i.url);i.baseUrl=r,i.queryString=fl(i.url),i.filename=$t.filename(r),i.baseUrl=$t.dirname(r)}return Array.isArray(i.loaders)||(i.loaders=null),i}function kl(n,t){if(n&&!Array.isArray(n))return n;let e;if(n&&(e=Array.isArray(n)?n:[n]),t&&t.loaders){let i=Array.isArray(t.loaders)?t.loaders:[t.loaders];e=e?[...e,...i]:i}return e&&e.length?e:void 0}async function Un(n,t,e,i){t&&!Array.isArray(t)&&!Vn(t)&&(i=void 0,e=t,t=void 0),n=await n,e=e||{};let r=Me(n),s=kl(t,i),a=await bl(n,s,e);if(!a)return null;let c=yl(e,a,s,r);return i=Ol({url:r,_parse:Un,loaders:s},c,i||null),await ig(a,n,c,i)}async function ig(n,t,e,i){if(gs(n),e=fs(n.options,e),ft(t)){let{ok:o,redirected:s,status:a,statusText:c,type:l,url:f}=t,h=Object.fromEntries(t.headers.entries());i.response={headers:h,ok:o,redirected:s,status:a,statusText:c,type:l,url:f}}t=await Rl(t,n,e);let r=n;if(r.parseTextSync&&typeof t=="string")return r.parseTextSync(t,e,i);if(ms(n,e))return await ys(n,t,e,i,Un);if(r.parseText&&typeof t=="string")return await r.parseText(t,e,i);if(r.parse)return await r.parse(t,e,i);throw tt(!r.parseSync),new Error(`${n.id} loader - no parser found and worker is disabled`)}async function fe(n,t,e,i){let r,o;!Array.isArray(t)&&!Vn(t)?(r=[],o=t,i=void 0):(r=t,o=e);let s=Ir(o),a=n;return typeof n=="string"&&(a=await s(n)),ht(n)&&(a=await s(n)),typeof n=="string"&&(Ht(o||{}).core?.baseUrl||(o={...o,core:{...o?.core,baseUrl:n}})),Array.isArray(r)?await Un(a,r,o):await Un(a,r,o)}var Dl="4.5.4";var rg=globalThis.loaders?.parseImageNode,ks=typeof Image<"u",Ds=typeof ImageBitmap<"u",og=!!rg,zs=be?!0:og;function zl(n){switch(n){case"auto":return Ds||ks||zs;case"imagebitmap":return Ds;case"image":return ks;case"data":return zs;default:throw new Error(`@loaders.gl/images: image ${n} not supported in this environment`)}}function Nl(){if(Ds)return"imagebitmap";if(ks)return"image";if(zs)return"data";throw new Error("Install '@loaders.gl/polyfills' to parse images under Node.js")}function sg(n){let t=ag(n);if(!t)throw new Error("Not an image");return t}function Bl(n){switch(sg(n)){case"data":return n;case"image":case"imagebitmap":let t=document.createElement("canvas"),e=t.getContext("2d");if(!e)throw new Error("getImageData");return t.width=n.width,t.height=n.height,e.drawImage(n,0,0),e.getImageData(0,0,n.width,n.height);default:throw new Error("getImageData")}}function ag(n){return typeof ImageBitmap<"u"&&n instanceof ImageBitmap?"imagebitmap":typeof Image<"u"&&n instanceof Image?"image":n&&typeof n=="object"&&n.data&&n.width&&n.height?"data":null}var cg=/^data:image\/svg\+xml/,lg=/\.svg((\?|#).*)?$/;function Rr(n){return n&&(cg.test(n)||lg.test(n))}function jl(n,t){if(Rr(t)){let i=new TextDecoder().decode(n);try{typeof unescape=="function"&&typeof encodeURIComponent=="function"&&(i=unescape(encodeURIComponent(i)))}catch(o){throw new Error(o.message)}return`data:image/svg+xml;base64,${btoa(i)}`}return Ns(n,t)}function Ns(n,t){if(Rr(t))throw new Error("SVG cannot be parsed directly to imagebitmap");return new Blob([new Uint8Array(n)])}async function Or(n,t,e){let i=jl(n,e),r=self.URL||self.webkitURL,o=typeof i!="string"&&r.createObjectURL(i);try{return await fg(o||i,t)}finally{o&&r.revokeObjectURL(o)}}async function fg(n,t){let e=new Image;return e.src=n,t.image&&t.image.decode&&e.decode?(await e.decode(),e):await new Promise((i,r)=>{try{e.onload=()=>i(e),e.onerror=o=>{let s=o instanceof Error?o.message:"error";r(new Error(s))}}catch(o){r(o)}})}var Vl=!0;async function Fl(n,t,e){let i;Rr(e)?i=await Or(n,t,e):i=Ns(n,e);let r=t&&t.imagebitmap;return await hg(i,r)}async function hg(n,t=null){if((ug(t)||!Vl)&&(t=null),t)try{return await createImageBitmap(n,t)}catch(e){console.warn(e),Vl=!1}return await createImageBitmap(n)}function ug(n){if(!n)return!0;for(let t in n)if(Object.prototype.hasOwnProperty.call(n,t))return!1;return!0}function Ul(n){return!mg(n,"ftyp",4)||(n[8]&96)===0?null:dg(n)}function dg(n){switch(pg(n,8,12).replace("\0"," ").trim()){case"avif":case"avis":return{extension:"avif",mimeType:"image/avif"};default:return null}}function pg(n,t,e){return String.fromCharCode(...n.slice(t,e))}function gg(n){return[...n].map(t=>t.charCodeAt(0))}function mg(n,t,e=0){let i=gg(t);for(let r=0;r<i.length;++r)if(i[r]!==n[r+e])return!1;return!0}var Dt=!1,Gn=!0;function kr(n){let t=Wn(n);return xg(t)||Pg(t)||vg(t)||_g(t)||yg(t)}function yg(n){let t=new Uint8Array(n instanceof DataView?n.buffer:n),e=Ul(t);return e?{mimeType:e.mimeType,width:0,height:0}:null}function xg(n){let t=Wn(n);return t.byteLength>=24&&t.getUint32(0,Dt)===2303741511?{mimeType:"image/png",width:t.getUint32(16,Dt),height:t.getUint32(20,Dt)}:null}function vg(n){let t=Wn(n);return t.byteLength>=10&&t.getUint32(0,Dt)===1195984440?{mimeType:"image/gif",width:t.getUint16(6,Gn),height:t.getUint16(8,Gn)}:null}function _g(n){let t=Wn(n);return t.byteLength>=14&&t.getUint16(0,Dt)===16973&&t.getUint32(2,Gn)===t.byteLength?{mimeType:"image/bmp",width:t.getUint32(18,Gn),height:t.getUint32(22,Gn)}:null}function Pg(n){let t=Wn(n);if(!(t.byteLength>=3&&t.getUint16(0,Dt)===65496&&t.getUint8(2)===255))return null;let{tableMarkers:i,sofMarkers:r}=wg(),o=2;for(;o+9<t.byteLength;){let s=t.getUint16(o,Dt);if(r.has(s))return{mimeType:"image/jpeg",height:t.getUint16(o+5,Dt),width:t.getUint16(o+7,Dt)};if(!i.has(s))return null;o+=2,o+=t.getUint16(o,Dt)}return null}function wg(){let n=new Set([65499,65476,65484,65501,65534]);for(let e=65504;e<65520;++e)n.add(e);return{tableMarkers:n,sofMarkers:new Set([65472,65473,65474,65475,65477,65478,65479,65481,65482,65483,65485,65486,65487,65502])}}function Wn(n){if(n instanceof DataView)return n;if(ArrayBuffer.isView(n))return new DataView(n.buffer);if(n instanceof ArrayBuffer)return new DataView(n);throw new Error("toDataView")}async function Gl(n,t){let{mimeType:e}=kr(n)||{},i=globalThis.loaders?.parseImageNode;return se(i),await i(n,e)}async function Wl(n,t,e){t=t||{};let r=(t.image||{}).type||"auto",{url:o}=e||{},s=bg(r),a;switch(s){case"imagebitmap":a=await Fl(n,t,o);break;case"image":a=await Or(n,t,o);break;case"data":a=await Gl(n,t);break;default:se(!1)}return r==="data"&&(a=Bl(a)),a}function bg(n){switch(n){case"auto":case"data":return Nl();default:return zl(n),n}}var Eg=["png","jpg","jpeg","gif","webp","bmp","ico","svg","avif"],Mg=["image/png","image/jpeg","image/gif","image/webp","image/avif","image/bmp","image/vnd.microsoft.icon","image/svg+xml"],Sg={image:{type:"auto",decode:!0}},Bs={dataType:null,batchType:null,id:"image",module:"images",name:"Images",version:Dl,mimeTypes:Mg,extensions:Eg,parse:Wl,tests:[n=>!!kr(new DataView(n))],options:Sg};var Cg=new He({id:"deck"}),I=Cg;var js={};function Yl(n){js=n}function G(n,t,e,i){I.level>0&&js[n]&&js[n].call(null,t,e,i)}function Tg(n){let t=n[0],e=n[n.length-1];return t==="{"&&e==="}"||t==="["&&e==="]"}var $l={dataType:null,batchType:null,id:"JSON",name:"JSON",module:"",version:"",options:{},extensions:["json","geojson"],mimeTypes:["application/json","application/geo+json"],testText:Tg,parseTextSync:JSON.parse};function Lg(){let n="9.4.0",t=globalThis.deck&&globalThis.deck.VERSION;if(t&&t!==n)throw new Error(`deck.gl - multiple versions detected: ${t} vs ${n}`);return t||(I.log(1,`deck.gl ${n}`)(),globalThis.deck={...globalThis.deck,VERSION:n,version:n,log:I,_registerLoggers:Yl},As([$l,[Bs,{imagebitmap:{premultiplyAlpha:"none"}}]])),n}var Hl=Lg();var FE=1/Math.PI*180,UE=1/180*Math.PI,Ag={EPSILON:1e-12,debug:!1,precision:4,printTypes:!1,printDegrees:!1,printRowMajor:!0,_cartographicRadians:!1};globalThis.mathgl=globalThis.mathgl||{config:{...Ag}};var Y=globalThis.mathgl.config;function Vs(n,{precision:t=Y.precision}={}){return n=Ig(n),`${parseFloat(n.toPrecision(t))}`}function Pt(n){return Array.isArray(n)||ArrayBuffer.isView(n)&&!(n instanceof DataView)}function B(n,t,e){return Og(n,i=>Math.max(t,Math.min(e,i)))}function Se(n,t,e){return Pt(n)?n.map((i,r)=>Se(i,t[r],e)):e*t+(1-e)*n}function zt(n,t,e){let i=Y.EPSILON;e&&(Y.EPSILON=e);try{if(n===t)return!0;if(Pt(n)&&Pt(t)){if(n.length!==t.length)return!1;for(let r=0;r<n.length;++r)if(!zt(n[r],t[r]))return!1;return!0}return n&&n.equals?n.equals(t):t&&t.equals?t.equals(n):typeof n=="number"&&typeof t=="number"?Math.abs(n-t)<=Y.EPSILON*Math.max(1,Math.abs(n),Math.abs(t)):!1}finally{Y.EPSILON=i}}function Ig(n){return Math.round(n/Y.EPSILON)*Y.EPSILON}function Rg(n){return n.clone?n.clone():new Array(n.length)}function Og(n,t,e){if(Pt(n)){let i=n;e=e||Rg(i);for(let r=0;r<e.length&&r<i.length;++r){let o=typeof n=="number"?n:n[r];e[r]=t(o,r,e)}return e}return t(n)}var he=class extends Array{clone(){return new this.constructor().copy(this)}fromArray(t,e=0){for(let i=0;i<this.ELEMENTS;++i)this[i]=t[i+e];return this.check()}toArray(t=[],e=0){for(let i=0;i<this.ELEMENTS;++i)t[e+i]=this[i];return t}toObject(t){return t}from(t){return Array.isArray(t)?this.copy(t):this.fromObject(t)}to(t){return t===this?this:Pt(t)?this.toArray(t):this.toObject(t)}toTarget(t){return t?this.to(t):this}toFloat32Array(){return new Float32Array(this)}toString(){return this.formatString(Y)}formatString(t){let e="";for(let i=0;i<this.ELEMENTS;++i)e+=(i>0?", ":"")+Vs(this[i],t);return`${t.printTypes?this.constructor.name:""}[${e}]`}equals(t){if(!t||this.length!==t.length)return!1;for(let e=0;e<this.ELEMENTS;++e)if(!zt(this[e],t[e]))return!1;return!0}exactEquals(t){if(!t||this.length!==t.length)return!1;for(let e=0;e<this.ELEMENTS;++e)if(this[e]!==t[e])return!1;return!0}negate(){for(let t=0;t<this.ELEMENTS;++t)this[t]=-this[t];return this.check()}lerp(t,e,i){if(i===void 0)return this.lerp(this,t,e);for(let r=0;r<this.ELEMENTS;++r){let o=t[r],s=typeof e=="number"?e:e[r];this[r]=o+i*(s-o)}return this.check()}min(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=Math.min(t[e],this[e]);return this.check()}max(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=Math.max(t[e],this[e]);return this.check()}clamp(t,e){for(let i=0;i<this.ELEMENTS;++i)this[i]=Math.min(Math.max(this[i],t[i]),e[i]);return this.check()}add(...t){for(let e of t)for(let i=0;i<this.ELEMENTS;++i)this[i]+=e[i];return this.check()}subtract(...t){for(let e of t)for(let i=0;i<this.ELEMENTS;++i)this[i]-=e[i];return this.check()}scale(t){if(typeof t=="number")for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;else for(let e=0;e<this.ELEMENTS&&e<t.length;++e)this[e]*=t[e];return this.check()}multiplyByScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;return this.check()}check(){if(Y.debug&&!this.validate())throw new Error(`math.gl: ${this.constructor.name} some fields set to invalid numbers'`);return this}validate(){let t=this.length===this.ELEMENTS;for(let e=0;e<this.ELEMENTS;++e)t=t&&Number.isFinite(this[e]);return t}sub(t){return this.subtract(t)}setScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=t;return this.check()}addScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]+=t;return this.check()}subScalar(t){return this.addScalar(-t)}multiplyScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;return this.check()}divideScalar(t){return this.multiplyByScalar(1/t)}clampScalar(t,e){for(let i=0;i<this.ELEMENTS;++i)this[i]=Math.min(Math.max(this[i],t),e);return this.check()}get elements(){return this}};function kg(n,t){if(n.length!==t)return!1;for(let e=0;e<n.length;++e)if(!Number.isFinite(n[e]))return!1;return!0}function N(n){if(!Number.isFinite(n))throw new Error(`Invalid number ${JSON.stringify(n)}`);return n}function Je(n,t,e=""){if(Y.debug&&!kg(n,t))throw new Error(`math.gl: ${e} some fields set to invalid numbers'`);return n}function Fs(n,t){if(!n)throw new Error(`math.gl assertion ${t}`)}var Qe=class extends he{get x(){return this[0]}set x(t){this[0]=N(t)}get y(){return this[1]}set y(t){this[1]=N(t)}len(){return Math.sqrt(this.lengthSquared())}magnitude(){return this.len()}lengthSquared(){let t=0;for(let e=0;e<this.ELEMENTS;++e)t+=this[e]*this[e];return t}magnitudeSquared(){return this.lengthSquared()}distance(t){return Math.sqrt(this.distanceSquared(t))}distanceSquared(t){let e=0;for(let i=0;i<this.ELEMENTS;++i){let r=this[i]-t[i];e+=r*r}return N(e)}dot(t){let e=0;for(let i=0;i<this.ELEMENTS;++i)e+=this[i]*t[i];return N(e)}normalize(){let t=this.magnitude();if(t!==0)for(let e=0;e<this.ELEMENTS;++e)this[e]/=t;return this.check()}multiply(...t){for(let e of t)for(let i=0;i<this.ELEMENTS;++i)this[i]*=e[i];return this.check()}divide(...t){for(let e of t)for(let i=0;i<this.ELEMENTS;++i)this[i]/=e[i];return this.check()}lengthSq(){return this.lengthSquared()}distanceTo(t){return this.distance(t)}distanceToSquared(t){return this.distanceSquared(t)}getComponent(t){return Fs(t>=0&&t<this.ELEMENTS,"index is out of range"),N(this[t])}setComponent(t,e){return Fs(t>=0&&t<this.ELEMENTS,"index is out of range"),this[t]=e,this.check()}addVectors(t,e){return this.copy(t).add(e)}subVectors(t,e){return this.copy(t).subtract(e)}multiplyVectors(t,e){return this.copy(t).multiply(e)}addScaledVector(t,e){return this.add(new this.constructor(t).multiplyScalar(e))}};var wt={};$e(wt,{add:()=>jg,angle:()=>rm,ceil:()=>Vg,clone:()=>Dg,copy:()=>Ng,create:()=>Zl,cross:()=>Kg,dist:()=>dm,distance:()=>Jl,div:()=>um,divide:()=>Kl,dot:()=>Xg,equals:()=>cm,exactEquals:()=>am,floor:()=>Fg,forEach:()=>mm,fromValues:()=>zg,inverse:()=>Zg,len:()=>lm,length:()=>tf,lerp:()=>Jg,max:()=>Gg,min:()=>Ug,mul:()=>hm,multiply:()=>Xl,negate:()=>Hg,normalize:()=>qg,random:()=>Qg,rotate:()=>im,round:()=>Wg,scale:()=>Yg,scaleAndAdd:()=>$g,set:()=>Bg,sqrDist:()=>pm,sqrLen:()=>gm,squaredDistance:()=>Ql,squaredLength:()=>ef,str:()=>sm,sub:()=>fm,subtract:()=>ql,transformMat2:()=>tm,transformMat2d:()=>em,transformMat3:()=>nm,transformMat4:()=>Us,zero:()=>om});var V=typeof Float32Array<"u"?Float32Array:Array,Nt=Math.random;function gt(n){return n>=0?Math.round(n):n%.5===0?Math.floor(n):Math.round(n)}var QE=Math.PI/180;function Zl(){let n=new V(2);return V!=Float32Array&&(n[0]=0,n[1]=0),n}function Dg(n){let t=new V(2);return t[0]=n[0],t[1]=n[1],t}function zg(n,t){let e=new V(2);return e[0]=n,e[1]=t,e}function Ng(n,t){return n[0]=t[0],n[1]=t[1],n}function Bg(n,t,e){return n[0]=t,n[1]=e,n}function jg(n,t,e){return n[0]=t[0]+e[0],n[1]=t[1]+e[1],n}function ql(n,t,e){return n[0]=t[0]-e[0],n[1]=t[1]-e[1],n}function Xl(n,t,e){return n[0]=t[0]*e[0],n[1]=t[1]*e[1],n}function Kl(n,t,e){return n[0]=t[0]/e[0],n[1]=t[1]/e[1],n}function Vg(n,t){return n[0]=Math.ceil(t[0]),n[1]=Math.ceil(t[1]),n}function Fg(n,t){return n[0]=Math.floor(t[0]),n[1]=Math.floor(t[1]),n}function Ug(n,t,e){return n[0]=Math.min(t[0],e[0]),n[1]=Math.min(t[1],e[1]),n}function Gg(n,t,e){return n[0]=Math.max(t[0],e[0]),n[1]=Math.max(t[1],e[1]),n}function Wg(n,t){return n[0]=gt(t[0]),n[1]=gt(t[1]),n}function Yg(n,t,e){return n[0]=t[0]*e,n[1]=t[1]*e,n}function $g(n,t,e,i){return n[0]=t[0]+e[0]*i,n[1]=t[1]+e[1]*i,n}function Jl(n,t){let e=t[0]-n[0],i=t[1]-n[1];return Math.sqrt(e*e+i*i)}function Ql(n,t){let e=t[0]-n[0],i=t[1]-n[1];return e*e+i*i}function tf(n){let t=n[0],e=n[1];return Math.sqrt(t*t+e*e)}function ef(n){let t=n[0],e=n[1];return t*t+e*e}function Hg(n,t){return n[0]=-t[0],n[1]=-t[1],n}function Zg(n,t){return n[0]=1/t[0],n[1]=1/t[1],n}function qg(n,t){let e=t[0],i=t[1],r=e*e+i*i;return r>0&&(r=1/Math.sqrt(r)),n[0]=t[0]*r,n[1]=t[1]*r,n}function Xg(n,t){return n[0]*t[0]+n[1]*t[1]}function Kg(n,t,e){let i=t[0]*e[1]-t[1]*e[0];return n[0]=n[1]=0,n[2]=i,n}function Jg(n,t,e,i){let r=t[0],o=t[1];return n[0]=r+i*(e[0]-r),n[1]=o+i*(e[1]-o),n}function Qg(n,t){t=t===void 0?1:t;let e=Nt()*2*Math.PI;return n[0]=Math.cos(e)*t,n[1]=Math.sin(e)*t,n}function tm(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[2]*r,n[1]=e[1]*i+e[3]*r,n}function em(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[2]*r+e[4],n[1]=e[1]*i+e[3]*r+e[5],n}function nm(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[3]*r+e[6],n[1]=e[1]*i+e[4]*r+e[7],n}function Us(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[4]*r+e[12],n[1]=e[1]*i+e[5]*r+e[13],n}function im(n,t,e,i){let r=t[0]-e[0],o=t[1]-e[1],s=Math.sin(i),a=Math.cos(i);return n[0]=r*a-o*s+e[0],n[1]=r*s+o*a+e[1],n}function rm(n,t){let e=n[0],i=n[1],r=t[0],o=t[1],s=Math.sqrt((e*e+i*i)*(r*r+o*o)),a=s&&(e*r+i*o)/s;return Math.acos(Math.min(Math.max(a,-1),1))}function om(n){return n[0]=0,n[1]=0,n}function sm(n){return`vec2(${n[0]}, ${n[1]})`}function am(n,t){return n[0]===t[0]&&n[1]===t[1]}function cm(n,t){let e=n[0],i=n[1],r=t[0],o=t[1];return Math.abs(e-r)<=1e-6*Math.max(1,Math.abs(e),Math.abs(r))&&Math.abs(i-o)<=1e-6*Math.max(1,Math.abs(i),Math.abs(o))}var lm=tf,fm=ql,hm=Xl,um=Kl,dm=Jl,pm=Ql,gm=ef,mm=(function(){let n=Zl();return function(t,e,i,r,o,s){let a,c;for(e||(e=2),i||(i=0),r?c=Math.min(r*e+i,t.length):c=t.length,a=i;a<c;a+=e)n[0]=t[a],n[1]=t[a+1],o(n,n,s),t[a]=n[0],t[a+1]=n[1];return t}})();function nf(n,t,e){let i=t[0],r=t[1],o=e[3]*i+e[7]*r||1;return n[0]=(e[0]*i+e[4]*r)/o,n[1]=(e[1]*i+e[5]*r)/o,n}function Dr(n,t,e){let i=t[0],r=t[1],o=t[2],s=e[3]*i+e[7]*r+e[11]*o||1;return n[0]=(e[0]*i+e[4]*r+e[8]*o)/s,n[1]=(e[1]*i+e[5]*r+e[9]*o)/s,n[2]=(e[2]*i+e[6]*r+e[10]*o)/s,n}function rf(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[2]*r,n[1]=e[1]*i+e[3]*r,n[2]=t[2],n}function of(n,t,e){let i=t[0],r=t[1];return n[0]=e[0]*i+e[2]*r,n[1]=e[1]*i+e[3]*r,n[2]=t[2],n[3]=t[3],n}function sf(n,t,e){let i=t[0],r=t[1],o=t[2];return n[0]=e[0]*i+e[3]*r+e[6]*o,n[1]=e[1]*i+e[4]*r+e[7]*o,n[2]=e[2]*i+e[5]*r+e[8]*o,n[3]=t[3],n}var j={};$e(j,{add:()=>_m,angle:()=>Zs,bezier:()=>Om,ceil:()=>Pm,clone:()=>ym,copy:()=>xm,create:()=>zr,cross:()=>Ce,dist:()=>Um,distance:()=>hf,div:()=>Fm,divide:()=>ff,dot:()=>Yn,equals:()=>Bm,exactEquals:()=>Nm,floor:()=>wm,forEach:()=>Ym,fromValues:()=>Nr,hermite:()=>Rm,inverse:()=>Lm,len:()=>qs,length:()=>af,lerp:()=>Am,max:()=>Em,min:()=>bm,mul:()=>Vm,multiply:()=>lf,negate:()=>Tm,normalize:()=>Gs,random:()=>km,rotateX:()=>Ys,rotateY:()=>$s,rotateZ:()=>Hs,round:()=>Mm,scale:()=>Sm,scaleAndAdd:()=>Cm,set:()=>vm,slerp:()=>Im,sqrDist:()=>Gm,sqrLen:()=>Wm,squaredDistance:()=>uf,squaredLength:()=>df,str:()=>zm,sub:()=>jm,subtract:()=>cf,transformMat3:()=>Ws,transformMat4:()=>Te,transformQuat:()=>$n,zero:()=>Dm});function zr(){let n=new V(3);return V!=Float32Array&&(n[0]=0,n[1]=0,n[2]=0),n}function ym(n){let t=new V(3);return t[0]=n[0],t[1]=n[1],t[2]=n[2],t}function af(n){let t=n[0],e=n[1],i=n[2];return Math.sqrt(t*t+e*e+i*i)}function Nr(n,t,e){let i=new V(3);return i[0]=n,i[1]=t,i[2]=e,i}function xm(n,t){return n[0]=t[0],n[1]=t[1],n[2]=t[2],n}function vm(n,t,e,i){return n[0]=t,n[1]=e,n[2]=i,n}function _m(n,t,e){return n[0]=t[0]+e[0],n[1]=t[1]+e[1],n[2]=t[2]+e[2],n}function cf(n,t,e){return n[0]=t[0]-e[0],n[1]=t[1]-e[1],n[2]=t[2]-e[2],n}function lf(n,t,e){return n[0]=t[0]*e[0],n[1]=t[1]*e[1],n[2]=t[2]*e[2],n}function ff(n,t,e){return n[0]=t[0]/e[0],n[1]=t[1]/e[1],n[2]=t[2]/e[2],n}function Pm(n,t){return n[0]=Math.ceil(t[0]),n[1]=Math.ceil(t[1]),n[2]=Math.ceil(t[2]),n}function wm(n,t){return n[0]=Math.floor(t[0]),n[1]=Math.floor(t[1]),n[2]=Math.floor(t[2]),n}function bm(n,t,e){return n[0]=Math.min(t[0],e[0]),n[1]=Math.min(t[1],e[1]),n[2]=Math.min(t[2],e[2]),n}function Em(n,t,e){return n[0]=Math.max(t[0],e[0]),n[1]=Math.max(t[1],e[1]),n[2]=Math.max(t[2],e[2]),n}function Mm(n,t){return n[0]=gt(t[0]),n[1]=gt(t[1]),n[2]=gt(t[2]),n}function Sm(n,t,e){return n[0]=t[0]*e,n[1]=t[1]*e,n[2]=t[2]*e,n}function Cm(n,t,e,i){return n[0]=t[0]+e[0]*i,n[1]=t[1]+e[1]*i,n[2]=t[2]+e[2]*i,n}function hf(n,t){let e=t[0]-n[0],i=t[1]-n[1],r=t[2]-n[2];return Math.sqrt(e*e+i*i+r*r)}function uf(n,t){let e=t[0]-n[0],i=t[1]-n[1],r=t[2]-n[2];return e*e+i*i+r*r}function df(n){let t=n[0],e=n[1],i=n[2];return t*t+e*e+i*i}function Tm(n,t){return n[0]=-t[0],n[1]=-t[1],n[2]=-t[2],n}function Lm(n,t){return n[0]=1/t[0],n[1]=1/t[1],n[2]=1/t[2],n}function Gs(n,t){let e=t[0],i=t[1],r=t[2],o=e*e+i*i+r*r;return o>0&&(o=1/Math.sqrt(o)),n[0]=t[0]*o,n[1]=t[1]*o,n[2]=t[2]*o,n}function Yn(n,t){return n[0]*t[0]+n[1]*t[1]+n[2]*t[2]}function Ce(n,t,e){let i=t[0],r=t[1],o=t[2],s=e[0],a=e[1],c=e[2];return n[0]=r*c-o*a,n[1]=o*s-i*c,n[2]=i*a-r*s,n}function Am(n,t,e,i){let r=t[0],o=t[1],s=t[2];return n[0]=r+i*(e[0]-r),n[1]=o+i*(e[1]-o),n[2]=s+i*(e[2]-s),n}function Im(n,t,e,i){let r=Math.acos(Math.min(Math.max(Yn(t,e),-1),1)),o=Math.sin(r),s=Math.sin((1-i)*r)/o,a=Math.sin(i*r)/o;return n[0]=s*t[0]+a*e[0],n[1]=s*t[1]+a*e[1],n[2]=s*t[2]+a*e[2],n}function Rm(n,t,e,i,r,o){let s=o*o,a=s*(2*o-3)+1,c=s*(o-2)+o,l=s*(o-1),f=s*(3-2*o);return n[0]=t[0]*a+e[0]*c+i[0]*l+r[0]*f,n[1]=t[1]*a+e[1]*c+i[1]*l+r[1]*f,n[2]=t[2]*a+e[2]*c+i[2]*l+r[2]*f,n}function Om(n,t,e,i,r,o){let s=1-o,a=s*s,c=o*o,l=a*s,f=3*o*a,h=3*c*s,u=c*o;return n[0]=t[0]*l+e[0]*f+i[0]*h+r[0]*u,n[1]=t[1]*l+e[1]*f+i[1]*h+r[1]*u,n[2]=t[2]*l+e[2]*f+i[2]*h+r[2]*u,n}function km(n,t){t=t===void 0?1:t;let e=Nt()*2*Math.PI,i=Nt()*2-1,r=Math.sqrt(1-i*i)*t;return n[0]=Math.cos(e)*r,n[1]=Math.sin(e)*r,n[2]=i*t,n}function Te(n,t,e){let i=t[0],r=t[1],o=t[2],s=e[3]*i+e[7]*r+e[11]*o+e[15];return s=s||1,n[0]=(e[0]*i+e[4]*r+e[8]*o+e[12])/s,n[1]=(e[1]*i+e[5]*r+e[9]*o+e[13])/s,n[2]=(e[2]*i+e[6]*r+e[10]*o+e[14])/s,n}function Ws(n,t,e){let i=t[0],r=t[1],o=t[2];return n[0]=i*e[0]+r*e[3]+o*e[6],n[1]=i*e[1]+r*e[4]+o*e[7],n[2]=i*e[2]+r*e[5]+o*e[8],n}function $n(n,t,e){let i=e[0],r=e[1],o=e[2],s=e[3],a=t[0],c=t[1],l=t[2],f=r*l-o*c,h=o*a-i*l,u=i*c-r*a,d=r*u-o*h,p=o*f-i*u,g=i*h-r*f,m=s*2;return f*=m,h*=m,u*=m,d*=2,p*=2,g*=2,n[0]=a+f+d,n[1]=c+h+p,n[2]=l+u+g,n}function Ys(n,t,e,i){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[0],o[1]=r[1]*Math.cos(i)-r[2]*Math.sin(i),o[2]=r[1]*Math.sin(i)+r[2]*Math.cos(i),n[0]=o[0]+e[0],n[1]=o[1]+e[1],n[2]=o[2]+e[2],n}function $s(n,t,e,i){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[2]*Math.sin(i)+r[0]*Math.cos(i),o[1]=r[1],o[2]=r[2]*Math.cos(i)-r[0]*Math.sin(i),n[0]=o[0]+e[0],n[1]=o[1]+e[1],n[2]=o[2]+e[2],n}function Hs(n,t,e,i){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[0]*Math.cos(i)-r[1]*Math.sin(i),o[1]=r[0]*Math.sin(i)+r[1]*Math.cos(i),o[2]=r[2],n[0]=o[0]+e[0],n[1]=o[1]+e[1],n[2]=o[2]+e[2],n}function Zs(n,t){let e=n[0],i=n[1],r=n[2],o=t[0],s=t[1],a=t[2],c=Math.sqrt((e*e+i*i+r*r)*(o*o+s*s+a*a)),l=c&&Yn(n,t)/c;return Math.acos(Math.min(Math.max(l,-1),1))}function Dm(n){return n[0]=0,n[1]=0,n[2]=0,n}function zm(n){return`vec3(${n[0]}, ${n[1]}, ${n[2]})`}function Nm(n,t){return n[0]===t[0]&&n[1]===t[1]&&n[2]===t[2]}function Bm(n,t){let e=n[0],i=n[1],r=n[2],o=t[0],s=t[1],a=t[2];return Math.abs(e-o)<=1e-6*Math.max(1,Math.abs(e),Math.abs(o))&&Math.abs(i-s)<=1e-6*Math.max(1,Math.abs(i),Math.abs(s))&&Math.abs(r-a)<=1e-6*Math.max(1,Math.abs(r),Math.abs(a))}var jm=cf,Vm=lf,Fm=ff,Um=hf,Gm=uf,qs=af,Wm=df,Ym=(function(){let n=zr();return function(t,e,i,r,o,s){let a,c;for(e||(e=3),i||(i=0),r?c=Math.min(r*e+i,t.length):c=t.length,a=i;a<c;a+=e)n[0]=t[a],n[1]=t[a+1],n[2]=t[a+2],o(n,n,s),t[a]=n[0],t[a+1]=n[1],t[a+2]=n[2];return t}})();var Xs=[0,0,0],Br,Q=class n extends Qe{static get ZERO(){return Br||(Br=new n(0,0,0),Object.freeze(Br)),Br}constructor(t=0,e=0,i=0){super(-0,-0,-0),arguments.length===1&&Pt(t)?this.copy(t):(Y.debug&&(N(t),N(e),N(i)),this[0]=t,this[1]=e,this[2]=i)}set(t,e,i){return this[0]=t,this[1]=e,this[2]=i,this.check()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this.check()}fromObject(t){return Y.debug&&(N(t.x),N(t.y),N(t.z)),this[0]=t.x,this[1]=t.y,this[2]=t.z,this.check()}toObject(t){return t.x=this[0],t.y=this[1],t.z=this[2],t}get ELEMENTS(){return 3}get z(){return this[2]}set z(t){this[2]=N(t)}angle(t){return Zs(this,t)}cross(t){return Ce(this,this,t),this.check()}rotateX({radians:t,origin:e=Xs}){return Ys(this,this,e,t),this.check()}rotateY({radians:t,origin:e=Xs}){return $s(this,this,e,t),this.check()}rotateZ({radians:t,origin:e=Xs}){return Hs(this,this,e,t),this.check()}transform(t){return this.transformAsPoint(t)}transformAsPoint(t){return Te(this,this,t),this.check()}transformAsVector(t){return Dr(this,this,t),this.check()}transformByMatrix3(t){return Ws(this,this,t),this.check()}transformByMatrix2(t){return rf(this,this,t),this.check()}transformByQuaternion(t){return $n(this,this,t),this.check()}};var jr,Vr=class n extends Qe{static get ZERO(){return jr||(jr=new n(0,0,0,0),Object.freeze(jr)),jr}constructor(t=0,e=0,i=0,r=0){super(-0,-0,-0,-0),Pt(t)&&arguments.length===1?this.copy(t):(Y.debug&&(N(t),N(e),N(i),N(r)),this[0]=t,this[1]=e,this[2]=i,this[3]=r)}set(t,e,i,r){return this[0]=t,this[1]=e,this[2]=i,this[3]=r,this.check()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this.check()}fromObject(t){return Y.debug&&(N(t.x),N(t.y),N(t.z),N(t.w)),this[0]=t.x,this[1]=t.y,this[2]=t.z,this[3]=t.w,this}toObject(t){return t.x=this[0],t.y=this[1],t.z=this[2],t.w=this[3],t}get ELEMENTS(){return 4}get z(){return this[2]}set z(t){this[2]=N(t)}get w(){return this[3]}set w(t){this[3]=N(t)}transform(t){return Te(this,this,t),this.check()}transformByMatrix3(t){return sf(this,this,t),this.check()}transformByMatrix2(t){return of(this,this,t),this.check()}transformByQuaternion(t){return $n(this,this,t),this.check()}applyMatrix4(t){return t.transform(this,this),this}};var Fr=class extends he{toString(){let t="[";if(Y.printRowMajor){t+="row-major:";for(let e=0;e<this.RANK;++e)for(let i=0;i<this.RANK;++i)t+=` ${this[i*this.RANK+e]}`}else{t+="column-major:";for(let e=0;e<this.ELEMENTS;++e)t+=` ${this[e]}`}return t+="]",t}getElementIndex(t,e){return e*this.RANK+t}getElement(t,e){return this[e*this.RANK+t]}setElement(t,e,i){return this[e*this.RANK+t]=N(i),this}getColumn(t,e=new Array(this.RANK).fill(-0)){let i=t*this.RANK;for(let r=0;r<this.RANK;++r)e[r]=this[i+r];return e}setColumn(t,e){let i=t*this.RANK;for(let r=0;r<this.RANK;++r)this[i+r]=e[r];return this}};function pf(){let n=new V(9);return V!=Float32Array&&(n[1]=0,n[2]=0,n[3]=0,n[5]=0,n[6]=0,n[7]=0),n[0]=1,n[4]=1,n[8]=1,n}var q={};$e(q,{add:()=>m0,adjoint:()=>Km,clone:()=>Hm,copy:()=>Zm,create:()=>$m,decompose:()=>a0,determinant:()=>Qs,equals:()=>_0,exactEquals:()=>v0,frob:()=>g0,fromQuat:()=>sa,fromQuat2:()=>r0,fromRotation:()=>t0,fromRotationTranslation:()=>yf,fromRotationTranslationScale:()=>c0,fromRotationTranslationScaleOrigin:()=>l0,fromScaling:()=>Qm,fromTranslation:()=>Jm,fromValues:()=>qm,fromXRotation:()=>e0,fromYRotation:()=>n0,fromZRotation:()=>i0,frustum:()=>aa,getRotation:()=>s0,getScaling:()=>xf,getTranslation:()=>o0,identity:()=>mf,invert:()=>Js,lookAt:()=>fa,mul:()=>P0,multiply:()=>Hn,multiplyScalar:()=>y0,multiplyScalarAndAdd:()=>x0,ortho:()=>la,orthoNO:()=>_f,orthoZO:()=>u0,perspective:()=>ca,perspectiveFromFieldOfView:()=>h0,perspectiveNO:()=>vf,perspectiveZO:()=>f0,rotate:()=>na,rotateX:()=>ia,rotateY:()=>ra,rotateZ:()=>oa,scale:()=>ea,set:()=>Xm,str:()=>p0,sub:()=>w0,subtract:()=>Pf,targetTo:()=>d0,translate:()=>ta,transpose:()=>Ks});function $m(){let n=new V(16);return V!=Float32Array&&(n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[11]=0,n[12]=0,n[13]=0,n[14]=0),n[0]=1,n[5]=1,n[10]=1,n[15]=1,n}function Hm(n){let t=new V(16);return t[0]=n[0],t[1]=n[1],t[2]=n[2],t[3]=n[3],t[4]=n[4],t[5]=n[5],t[6]=n[6],t[7]=n[7],t[8]=n[8],t[9]=n[9],t[10]=n[10],t[11]=n[11],t[12]=n[12],t[13]=n[13],t[14]=n[14],t[15]=n[15],t}function Zm(n,t){return n[0]=t[0],n[1]=t[1],n[2]=t[2],n[3]=t[3],n[4]=t[4],n[5]=t[5],n[6]=t[6],n[7]=t[7],n[8]=t[8],n[9]=t[9],n[10]=t[10],n[11]=t[11],n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15],n}function qm(n,t,e,i,r,o,s,a,c,l,f,h,u,d,p,g){let m=new V(16);return m[0]=n,m[1]=t,m[2]=e,m[3]=i,m[4]=r,m[5]=o,m[6]=s,m[7]=a,m[8]=c,m[9]=l,m[10]=f,m[11]=h,m[12]=u,m[13]=d,m[14]=p,m[15]=g,m}function Xm(n,t,e,i,r,o,s,a,c,l,f,h,u,d,p,g,m){return n[0]=t,n[1]=e,n[2]=i,n[3]=r,n[4]=o,n[5]=s,n[6]=a,n[7]=c,n[8]=l,n[9]=f,n[10]=h,n[11]=u,n[12]=d,n[13]=p,n[14]=g,n[15]=m,n}function mf(n){return n[0]=1,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=1,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=1,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function Ks(n,t){if(n===t){let e=t[1],i=t[2],r=t[3],o=t[6],s=t[7],a=t[11];n[1]=t[4],n[2]=t[8],n[3]=t[12],n[4]=e,n[6]=t[9],n[7]=t[13],n[8]=i,n[9]=o,n[11]=t[14],n[12]=r,n[13]=s,n[14]=a}else n[0]=t[0],n[1]=t[4],n[2]=t[8],n[3]=t[12],n[4]=t[1],n[5]=t[5],n[6]=t[9],n[7]=t[13],n[8]=t[2],n[9]=t[6],n[10]=t[10],n[11]=t[14],n[12]=t[3],n[13]=t[7],n[14]=t[11],n[15]=t[15];return n}function Js(n,t){let e=t[0],i=t[1],r=t[2],o=t[3],s=t[4],a=t[5],c=t[6],l=t[7],f=t[8],h=t[9],u=t[10],d=t[11],p=t[12],g=t[13],m=t[14],v=t[15],_=e*a-i*s,y=e*c-r*s,x=e*l-o*s,w=i*c-r*a,P=i*l-o*a,C=r*l-o*c,M=f*g-h*p,S=f*m-u*p,b=f*v-d*p,R=h*m-u*g,O=h*v-d*g,T=u*v-d*m,k=_*T-y*O+x*R+w*b-P*S+C*M;return k?(k=1/k,n[0]=(a*T-c*O+l*R)*k,n[1]=(r*O-i*T-o*R)*k,n[2]=(g*C-m*P+v*w)*k,n[3]=(u*P-h*C-d*w)*k,n[4]=(c*b-s*T-l*S)*k,n[5]=(e*T-r*b+o*S)*k,n[6]=(m*x-p*C-v*y)*k,n[7]=(f*C-u*x+d*y)*k,n[8]=(s*O-a*b+l*M)*k,n[9]=(i*b-e*O-o*M)*k,n[10]=(p*P-g*x+v*_)*k,n[11]=(h*x-f*P-d*_)*k,n[12]=(a*S-s*R-c*M)*k,n[13]=(e*R-i*S+r*M)*k,n[14]=(g*y-p*w-m*_)*k,n[15]=(f*w-h*y+u*_)*k,n):null}function Km(n,t){let e=t[0],i=t[1],r=t[2],o=t[3],s=t[4],a=t[5],c=t[6],l=t[7],f=t[8],h=t[9],u=t[10],d=t[11],p=t[12],g=t[13],m=t[14],v=t[15],_=e*a-i*s,y=e*c-r*s,x=e*l-o*s,w=i*c-r*a,P=i*l-o*a,C=r*l-o*c,M=f*g-h*p,S=f*m-u*p,b=f*v-d*p,R=h*m-u*g,O=h*v-d*g,T=u*v-d*m;return n[0]=a*T-c*O+l*R,n[1]=r*O-i*T-o*R,n[2]=g*C-m*P+v*w,n[3]=u*P-h*C-d*w,n[4]=c*b-s*T-l*S,n[5]=e*T-r*b+o*S,n[6]=m*x-p*C-v*y,n[7]=f*C-u*x+d*y,n[8]=s*O-a*b+l*M,n[9]=i*b-e*O-o*M,n[10]=p*P-g*x+v*_,n[11]=h*x-f*P-d*_,n[12]=a*S-s*R-c*M,n[13]=e*R-i*S+r*M,n[14]=g*y-p*w-m*_,n[15]=f*w-h*y+u*_,n}function Qs(n){let t=n[0],e=n[1],i=n[2],r=n[3],o=n[4],s=n[5],a=n[6],c=n[7],l=n[8],f=n[9],h=n[10],u=n[11],d=n[12],p=n[13],g=n[14],m=n[15],v=t*s-e*o,_=t*a-i*o,y=e*a-i*s,x=l*p-f*d,w=l*g-h*d,P=f*g-h*p,C=t*P-e*w+i*x,M=o*P-s*w+a*x,S=l*y-f*_+h*v,b=d*y-p*_+g*v;return c*C-r*M+m*S-u*b}function Hn(n,t,e){let i=t[0],r=t[1],o=t[2],s=t[3],a=t[4],c=t[5],l=t[6],f=t[7],h=t[8],u=t[9],d=t[10],p=t[11],g=t[12],m=t[13],v=t[14],_=t[15],y=e[0],x=e[1],w=e[2],P=e[3];return n[0]=y*i+x*a+w*h+P*g,n[1]=y*r+x*c+w*u+P*m,n[2]=y*o+x*l+w*d+P*v,n[3]=y*s+x*f+w*p+P*_,y=e[4],x=e[5],w=e[6],P=e[7],n[4]=y*i+x*a+w*h+P*g,n[5]=y*r+x*c+w*u+P*m,n[6]=y*o+x*l+w*d+P*v,n[7]=y*s+x*f+w*p+P*_,y=e[8],x=e[9],w=e[10],P=e[11],n[8]=y*i+x*a+w*h+P*g,n[9]=y*r+x*c+w*u+P*m,n[10]=y*o+x*l+w*d+P*v,n[11]=y*s+x*f+w*p+P*_,y=e[12],x=e[13],w=e[14],P=e[15],n[12]=y*i+x*a+w*h+P*g,n[13]=y*r+x*c+w*u+P*m,n[14]=y*o+x*l+w*d+P*v,n[15]=y*s+x*f+w*p+P*_,n}function ta(n,t,e){let i=e[0],r=e[1],o=e[2],s,a,c,l,f,h,u,d,p,g,m,v;return t===n?(n[12]=t[0]*i+t[4]*r+t[8]*o+t[12],n[13]=t[1]*i+t[5]*r+t[9]*o+t[13],n[14]=t[2]*i+t[6]*r+t[10]*o+t[14],n[15]=t[3]*i+t[7]*r+t[11]*o+t[15]):(s=t[0],a=t[1],c=t[2],l=t[3],f=t[4],h=t[5],u=t[6],d=t[7],p=t[8],g=t[9],m=t[10],v=t[11],n[0]=s,n[1]=a,n[2]=c,n[3]=l,n[4]=f,n[5]=h,n[6]=u,n[7]=d,n[8]=p,n[9]=g,n[10]=m,n[11]=v,n[12]=s*i+f*r+p*o+t[12],n[13]=a*i+h*r+g*o+t[13],n[14]=c*i+u*r+m*o+t[14],n[15]=l*i+d*r+v*o+t[15]),n}function ea(n,t,e){let i=e[0],r=e[1],o=e[2];return n[0]=t[0]*i,n[1]=t[1]*i,n[2]=t[2]*i,n[3]=t[3]*i,n[4]=t[4]*r,n[5]=t[5]*r,n[6]=t[6]*r,n[7]=t[7]*r,n[8]=t[8]*o,n[9]=t[9]*o,n[10]=t[10]*o,n[11]=t[11]*o,n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15],n}function na(n,t,e,i){let r=i[0],o=i[1],s=i[2],a=Math.sqrt(r*r+o*o+s*s),c,l,f,h,u,d,p,g,m,v,_,y,x,w,P,C,M,S,b,R,O,T,k,Z;return a<1e-6?null:(a=1/a,r*=a,o*=a,s*=a,l=Math.sin(e),c=Math.cos(e),f=1-c,h=t[0],u=t[1],d=t[2],p=t[3],g=t[4],m=t[5],v=t[6],_=t[7],y=t[8],x=t[9],w=t[10],P=t[11],C=r*r*f+c,M=o*r*f+s*l,S=s*r*f-o*l,b=r*o*f-s*l,R=o*o*f+c,O=s*o*f+r*l,T=r*s*f+o*l,k=o*s*f-r*l,Z=s*s*f+c,n[0]=h*C+g*M+y*S,n[1]=u*C+m*M+x*S,n[2]=d*C+v*M+w*S,n[3]=p*C+_*M+P*S,n[4]=h*b+g*R+y*O,n[5]=u*b+m*R+x*O,n[6]=d*b+v*R+w*O,n[7]=p*b+_*R+P*O,n[8]=h*T+g*k+y*Z,n[9]=u*T+m*k+x*Z,n[10]=d*T+v*k+w*Z,n[11]=p*T+_*k+P*Z,t!==n&&(n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15]),n)}function ia(n,t,e){let i=Math.sin(e),r=Math.cos(e),o=t[4],s=t[5],a=t[6],c=t[7],l=t[8],f=t[9],h=t[10],u=t[11];return t!==n&&(n[0]=t[0],n[1]=t[1],n[2]=t[2],n[3]=t[3],n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15]),n[4]=o*r+l*i,n[5]=s*r+f*i,n[6]=a*r+h*i,n[7]=c*r+u*i,n[8]=l*r-o*i,n[9]=f*r-s*i,n[10]=h*r-a*i,n[11]=u*r-c*i,n}function ra(n,t,e){let i=Math.sin(e),r=Math.cos(e),o=t[0],s=t[1],a=t[2],c=t[3],l=t[8],f=t[9],h=t[10],u=t[11];return t!==n&&(n[4]=t[4],n[5]=t[5],n[6]=t[6],n[7]=t[7],n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15]),n[0]=o*r-l*i,n[1]=s*r-f*i,n[2]=a*r-h*i,n[3]=c*r-u*i,n[8]=o*i+l*r,n[9]=s*i+f*r,n[10]=a*i+h*r,n[11]=c*i+u*r,n}function oa(n,t,e){let i=Math.sin(e),r=Math.cos(e),o=t[0],s=t[1],a=t[2],c=t[3],l=t[4],f=t[5],h=t[6],u=t[7];return t!==n&&(n[8]=t[8],n[9]=t[9],n[10]=t[10],n[11]=t[11],n[12]=t[12],n[13]=t[13],n[14]=t[14],n[15]=t[15]),n[0]=o*r+l*i,n[1]=s*r+f*i,n[2]=a*r+h*i,n[3]=c*r+u*i,n[4]=l*r-o*i,n[5]=f*r-s*i,n[6]=h*r-a*i,n[7]=u*r-c*i,n}function Jm(n,t){return n[0]=1,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=1,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=1,n[11]=0,n[12]=t[0],n[13]=t[1],n[14]=t[2],n[15]=1,n}function Qm(n,t){return n[0]=t[0],n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=t[1],n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=t[2],n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function t0(n,t,e){let i=e[0],r=e[1],o=e[2],s=Math.sqrt(i*i+r*r+o*o),a,c,l;return s<1e-6?null:(s=1/s,i*=s,r*=s,o*=s,c=Math.sin(t),a=Math.cos(t),l=1-a,n[0]=i*i*l+a,n[1]=r*i*l+o*c,n[2]=o*i*l-r*c,n[3]=0,n[4]=i*r*l-o*c,n[5]=r*r*l+a,n[6]=o*r*l+i*c,n[7]=0,n[8]=i*o*l+r*c,n[9]=r*o*l-i*c,n[10]=o*o*l+a,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n)}function e0(n,t){let e=Math.sin(t),i=Math.cos(t);return n[0]=1,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=i,n[6]=e,n[7]=0,n[8]=0,n[9]=-e,n[10]=i,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function n0(n,t){let e=Math.sin(t),i=Math.cos(t);return n[0]=i,n[1]=0,n[2]=-e,n[3]=0,n[4]=0,n[5]=1,n[6]=0,n[7]=0,n[8]=e,n[9]=0,n[10]=i,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function i0(n,t){let e=Math.sin(t),i=Math.cos(t);return n[0]=i,n[1]=e,n[2]=0,n[3]=0,n[4]=-e,n[5]=i,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=1,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function yf(n,t,e){let i=t[0],r=t[1],o=t[2],s=t[3],a=i+i,c=r+r,l=o+o,f=i*a,h=i*c,u=i*l,d=r*c,p=r*l,g=o*l,m=s*a,v=s*c,_=s*l;return n[0]=1-(d+g),n[1]=h+_,n[2]=u-v,n[3]=0,n[4]=h-_,n[5]=1-(f+g),n[6]=p+m,n[7]=0,n[8]=u+v,n[9]=p-m,n[10]=1-(f+d),n[11]=0,n[12]=e[0],n[13]=e[1],n[14]=e[2],n[15]=1,n}function r0(n,t){let e=new V(3),i=-t[0],r=-t[1],o=-t[2],s=t[3],a=t[4],c=t[5],l=t[6],f=t[7],h=i*i+r*r+o*o+s*s;return h>0?(e[0]=(a*s+f*i+c*o-l*r)*2/h,e[1]=(c*s+f*r+l*i-a*o)*2/h,e[2]=(l*s+f*o+a*r-c*i)*2/h):(e[0]=(a*s+f*i+c*o-l*r)*2,e[1]=(c*s+f*r+l*i-a*o)*2,e[2]=(l*s+f*o+a*r-c*i)*2),yf(n,t,e),n}function o0(n,t){return n[0]=t[12],n[1]=t[13],n[2]=t[14],n}function xf(n,t){let e=t[0],i=t[1],r=t[2],o=t[4],s=t[5],a=t[6],c=t[8],l=t[9],f=t[10];return n[0]=Math.sqrt(e*e+i*i+r*r),n[1]=Math.sqrt(o*o+s*s+a*a),n[2]=Math.sqrt(c*c+l*l+f*f),n}function s0(n,t){let e=new V(3);xf(e,t);let i=1/e[0],r=1/e[1],o=1/e[2],s=t[0]*i,a=t[1]*r,c=t[2]*o,l=t[4]*i,f=t[5]*r,h=t[6]*o,u=t[8]*i,d=t[9]*r,p=t[10]*o,g=s+f+p,m=0;return g>0?(m=Math.sqrt(g+1)*2,n[3]=.25*m,n[0]=(h-d)/m,n[1]=(u-c)/m,n[2]=(a-l)/m):s>f&&s>p?(m=Math.sqrt(1+s-f-p)*2,n[3]=(h-d)/m,n[0]=.25*m,n[1]=(a+l)/m,n[2]=(u+c)/m):f>p?(m=Math.sqrt(1+f-s-p)*2,n[3]=(u-c)/m,n[0]=(a+l)/m,n[1]=.25*m,n[2]=(h+d)/m):(m=Math.sqrt(1+p-s-f)*2,n[3]=(a-l)/m,n[0]=(u+c)/m,n[1]=(h+d)/m,n[2]=.25*m),n}function a0(n,t,e,i){t[0]=i[12],t[1]=i[13],t[2]=i[14];let r=i[0],o=i[1],s=i[2],a=i[4],c=i[5],l=i[6],f=i[8],h=i[9],u=i[10];e[0]=Math.sqrt(r*r+o*o+s*s),e[1]=Math.sqrt(a*a+c*c+l*l),e[2]=Math.sqrt(f*f+h*h+u*u);let d=1/e[0],p=1/e[1],g=1/e[2],m=r*d,v=o*p,_=s*g,y=a*d,x=c*p,w=l*g,P=f*d,C=h*p,M=u*g,S=m+x+M,b=0;return S>0?(b=Math.sqrt(S+1)*2,n[3]=.25*b,n[0]=(w-C)/b,n[1]=(P-_)/b,n[2]=(v-y)/b):m>x&&m>M?(b=Math.sqrt(1+m-x-M)*2,n[3]=(w-C)/b,n[0]=.25*b,n[1]=(v+y)/b,n[2]=(P+_)/b):x>M?(b=Math.sqrt(1+x-m-M)*2,n[3]=(P-_)/b,n[0]=(v+y)/b,n[1]=.25*b,n[2]=(w+C)/b):(b=Math.sqrt(1+M-m-x)*2,n[3]=(v-y)/b,n[0]=(P+_)/b,n[1]=(w+C)/b,n[2]=.25*b),n}function c0(n,t,e,i){let r=t[0],o=t[1],s=t[2],a=t[3],c=r+r,l=o+o,f=s+s,h=r*c,u=r*l,d=r*f,p=o*l,g=o*f,m=s*f,v=a*c,_=a*l,y=a*f,x=i[0],w=i[1],P=i[2];return n[0]=(1-(p+m))*x,n[1]=(u+y)*x,n[2]=(d-_)*x,n[3]=0,n[4]=(u-y)*w,n[5]=(1-(h+m))*w,n[6]=(g+v)*w,n[7]=0,n[8]=(d+_)*P,n[9]=(g-v)*P,n[10]=(1-(h+p))*P,n[11]=0,n[12]=e[0],n[13]=e[1],n[14]=e[2],n[15]=1,n}function l0(n,t,e,i,r){let o=t[0],s=t[1],a=t[2],c=t[3],l=o+o,f=s+s,h=a+a,u=o*l,d=o*f,p=o*h,g=s*f,m=s*h,v=a*h,_=c*l,y=c*f,x=c*h,w=i[0],P=i[1],C=i[2],M=r[0],S=r[1],b=r[2],R=(1-(g+v))*w,O=(d+x)*w,T=(p-y)*w,k=(d-x)*P,Z=(1-(u+v))*P,et=(m+_)*P,Pe=(p+y)*C,gr=(m-_)*C,Nc=(1-(u+g))*C;return n[0]=R,n[1]=O,n[2]=T,n[3]=0,n[4]=k,n[5]=Z,n[6]=et,n[7]=0,n[8]=Pe,n[9]=gr,n[10]=Nc,n[11]=0,n[12]=e[0]+M-(R*M+k*S+Pe*b),n[13]=e[1]+S-(O*M+Z*S+gr*b),n[14]=e[2]+b-(T*M+et*S+Nc*b),n[15]=1,n}function sa(n,t){let e=t[0],i=t[1],r=t[2],o=t[3],s=e+e,a=i+i,c=r+r,l=e*s,f=i*s,h=i*a,u=r*s,d=r*a,p=r*c,g=o*s,m=o*a,v=o*c;return n[0]=1-h-p,n[1]=f+v,n[2]=u-m,n[3]=0,n[4]=f-v,n[5]=1-l-p,n[6]=d+g,n[7]=0,n[8]=u+m,n[9]=d-g,n[10]=1-l-h,n[11]=0,n[12]=0,n[13]=0,n[14]=0,n[15]=1,n}function aa(n,t,e,i,r,o,s){let a=1/(e-t),c=1/(r-i),l=1/(o-s);return n[0]=o*2*a,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=o*2*c,n[6]=0,n[7]=0,n[8]=(e+t)*a,n[9]=(r+i)*c,n[10]=(s+o)*l,n[11]=-1,n[12]=0,n[13]=0,n[14]=s*o*2*l,n[15]=0,n}function vf(n,t,e,i,r){let o=1/Math.tan(t/2);if(n[0]=o/e,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=o,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[11]=-1,n[12]=0,n[13]=0,n[15]=0,r!=null&&r!==1/0){let s=1/(i-r);n[10]=(r+i)*s,n[14]=2*r*i*s}else n[10]=-1,n[14]=-2*i;return n}var ca=vf;function f0(n,t,e,i,r){let o=1/Math.tan(t/2);if(n[0]=o/e,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=o,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[11]=-1,n[12]=0,n[13]=0,n[15]=0,r!=null&&r!==1/0){let s=1/(i-r);n[10]=r*s,n[14]=r*i*s}else n[10]=-1,n[14]=-i;return n}function h0(n,t,e,i){let r=Math.tan(t.upDegrees*Math.PI/180),o=Math.tan(t.downDegrees*Math.PI/180),s=Math.tan(t.leftDegrees*Math.PI/180),a=Math.tan(t.rightDegrees*Math.PI/180),c=2/(s+a),l=2/(r+o);return n[0]=c,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=l,n[6]=0,n[7]=0,n[8]=-((s-a)*c*.5),n[9]=(r-o)*l*.5,n[10]=i/(e-i),n[11]=-1,n[12]=0,n[13]=0,n[14]=i*e/(e-i),n[15]=0,n}function _f(n,t,e,i,r,o,s){let a=1/(t-e),c=1/(i-r),l=1/(o-s);return n[0]=-2*a,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=-2*c,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=2*l,n[11]=0,n[12]=(t+e)*a,n[13]=(r+i)*c,n[14]=(s+o)*l,n[15]=1,n}var la=_f;function u0(n,t,e,i,r,o,s){let a=1/(t-e),c=1/(i-r),l=1/(o-s);return n[0]=-2*a,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=-2*c,n[6]=0,n[7]=0,n[8]=0,n[9]=0,n[10]=l,n[11]=0,n[12]=(t+e)*a,n[13]=(r+i)*c,n[14]=o*l,n[15]=1,n}function fa(n,t,e,i){let r,o,s,a,c,l,f,h,u,d,p=t[0],g=t[1],m=t[2],v=i[0],_=i[1],y=i[2],x=e[0],w=e[1],P=e[2];return Math.abs(p-x)<1e-6&&Math.abs(g-w)<1e-6&&Math.abs(m-P)<1e-6?mf(n):(h=p-x,u=g-w,d=m-P,r=1/Math.sqrt(h*h+u*u+d*d),h*=r,u*=r,d*=r,o=_*d-y*u,s=y*h-v*d,a=v*u-_*h,r=Math.sqrt(o*o+s*s+a*a),r?(r=1/r,o*=r,s*=r,a*=r):(o=0,s=0,a=0),c=u*a-d*s,l=d*o-h*a,f=h*s-u*o,r=Math.sqrt(c*c+l*l+f*f),r?(r=1/r,c*=r,l*=r,f*=r):(c=0,l=0,f=0),n[0]=o,n[1]=c,n[2]=h,n[3]=0,n[4]=s,n[5]=l,n[6]=u,n[7]=0,n[8]=a,n[9]=f,n[10]=d,n[11]=0,n[12]=-(o*p+s*g+a*m),n[13]=-(c*p+l*g+f*m),n[14]=-(h*p+u*g+d*m),n[15]=1,n)}function d0(n,t,e,i){let r=t[0],o=t[1],s=t[2],a=i[0],c=i[1],l=i[2],f=r-e[0],h=o-e[1],u=s-e[2],d=f*f+h*h+u*u;d>0&&(d=1/Math.sqrt(d),f*=d,h*=d,u*=d);let p=c*u-l*h,g=l*f-a*u,m=a*h-c*f;return d=p*p+g*g+m*m,d>0&&(d=1/Math.sqrt(d),p*=d,g*=d,m*=d),n[0]=p,n[1]=g,n[2]=m,n[3]=0,n[4]=h*m-u*g,n[5]=u*p-f*m,n[6]=f*g-h*p,n[7]=0,n[8]=f,n[9]=h,n[10]=u,n[11]=0,n[12]=r,n[13]=o,n[14]=s,n[15]=1,n}function p0(n){return`mat4(${n[0]}, ${n[1]}, ${n[2]}, ${n[3]}, ${n[4]}, ${n[5]}, ${n[6]}, ${n[7]}, ${n[8]}, ${n[9]}, ${n[10]}, ${n[11]}, ${n[12]}, ${n[13]}, ${n[14]}, ${n[15]})`}function g0(n){return Math.sqrt(n[0]*n[0]+n[1]*n[1]+n[2]*n[2]+n[3]*n[3]+n[4]*n[4]+n[5]*n[5]+n[6]*n[6]+n[7]*n[7]+n[8]*n[8]+n[9]*n[9]+n[10]*n[10]+n[11]*n[11]+n[12]*n[12]+n[13]*n[13]+n[14]*n[14]+n[15]*n[15])}function m0(n,t,e){return n[0]=t[0]+e[0],n[1]=t[1]+e[1],n[2]=t[2]+e[2],n[3]=t[3]+e[3],n[4]=t[4]+e[4],n[5]=t[5]+e[5],n[6]=t[6]+e[6],n[7]=t[7]+e[7],n[8]=t[8]+e[8],n[9]=t[9]+e[9],n[10]=t[10]+e[10],n[11]=t[11]+e[11],n[12]=t[12]+e[12],n[13]=t[13]+e[13],n[14]=t[14]+e[14],n[15]=t[15]+e[15],n}function Pf(n,t,e){return n[0]=t[0]-e[0],n[1]=t[1]-e[1],n[2]=t[2]-e[2],n[3]=t[3]-e[3],n[4]=t[4]-e[4],n[5]=t[5]-e[5],n[6]=t[6]-e[6],n[7]=t[7]-e[7],n[8]=t[8]-e[8],n[9]=t[9]-e[9],n[10]=t[10]-e[10],n[11]=t[11]-e[11],n[12]=t[12]-e[12],n[13]=t[13]-e[13],n[14]=t[14]-e[14],n[15]=t[15]-e[15],n}function y0(n,t,e){return n[0]=t[0]*e,n[1]=t[1]*e,n[2]=t[2]*e,n[3]=t[3]*e,n[4]=t[4]*e,n[5]=t[5]*e,n[6]=t[6]*e,n[7]=t[7]*e,n[8]=t[8]*e,n[9]=t[9]*e,n[10]=t[10]*e,n[11]=t[11]*e,n[12]=t[12]*e,n[13]=t[13]*e,n[14]=t[14]*e,n[15]=t[15]*e,n}function x0(n,t,e,i){return n[0]=t[0]+e[0]*i,n[1]=t[1]+e[1]*i,n[2]=t[2]+e[2]*i,n[3]=t[3]+e[3]*i,n[4]=t[4]+e[4]*i,n[5]=t[5]+e[5]*i,n[6]=t[6]+e[6]*i,n[7]=t[7]+e[7]*i,n[8]=t[8]+e[8]*i,n[9]=t[9]+e[9]*i,n[10]=t[10]+e[10]*i,n[11]=t[11]+e[11]*i,n[12]=t[12]+e[12]*i,n[13]=t[13]+e[13]*i,n[14]=t[14]+e[14]*i,n[15]=t[15]+e[15]*i,n}function v0(n,t){return n[0]===t[0]&&n[1]===t[1]&&n[2]===t[2]&&n[3]===t[3]&&n[4]===t[4]&&n[5]===t[5]&&n[6]===t[6]&&n[7]===t[7]&&n[8]===t[8]&&n[9]===t[9]&&n[10]===t[10]&&n[11]===t[11]&&n[12]===t[12]&&n[13]===t[13]&&n[14]===t[14]&&n[15]===t[15]}function _0(n,t){let e=n[0],i=n[1],r=n[2],o=n[3],s=n[4],a=n[5],c=n[6],l=n[7],f=n[8],h=n[9],u=n[10],d=n[11],p=n[12],g=n[13],m=n[14],v=n[15],_=t[0],y=t[1],x=t[2],w=t[3],P=t[4],C=t[5],M=t[6],S=t[7],b=t[8],R=t[9],O=t[10],T=t[11],k=t[12],Z=t[13],et=t[14],Pe=t[15];return Math.abs(e-_)<=1e-6*Math.max(1,Math.abs(e),Math.abs(_))&&Math.abs(i-y)<=1e-6*Math.max(1,Math.abs(i),Math.abs(y))&&Math.abs(r-x)<=1e-6*Math.max(1,Math.abs(r),Math.abs(x))&&Math.abs(o-w)<=1e-6*Math.max(1,Math.abs(o),Math.abs(w))&&Math.abs(s-P)<=1e-6*Math.max(1,Math.abs(s),Math.abs(P))&&Math.abs(a-C)<=1e-6*Math.max(1,Math.abs(a),Math.abs(C))&&Math.abs(c-M)<=1e-6*Math.max(1,Math.abs(c),Math.abs(M))&&Math.abs(l-S)<=1e-6*Math.max(1,Math.abs(l),Math.abs(S))&&Math.abs(f-b)<=1e-6*Math.max(1,Math.abs(f),Math.abs(b))&&Math.abs(h-R)<=1e-6*Math.max(1,Math.abs(h),Math.abs(R))&&Math.abs(u-O)<=1e-6*Math.max(1,Math.abs(u),Math.abs(O))&&Math.abs(d-T)<=1e-6*Math.max(1,Math.abs(d),Math.abs(T))&&Math.abs(p-k)<=1e-6*Math.max(1,Math.abs(p),Math.abs(k))&&Math.abs(g-Z)<=1e-6*Math.max(1,Math.abs(g),Math.abs(Z))&&Math.abs(m-et)<=1e-6*Math.max(1,Math.abs(m),Math.abs(et))&&Math.abs(v-Pe)<=1e-6*Math.max(1,Math.abs(v),Math.abs(Pe))}var P0=Hn,w0=Pf;var it={};$e(it,{add:()=>ha,ceil:()=>b0,clone:()=>bf,copy:()=>Mf,create:()=>wf,cross:()=>I0,dist:()=>j0,distance:()=>Af,div:()=>B0,divide:()=>Lf,dot:()=>pa,equals:()=>D0,exactEquals:()=>Rf,floor:()=>E0,forEach:()=>G0,fromValues:()=>Ef,inverse:()=>A0,len:()=>F0,length:()=>Ur,lerp:()=>ga,max:()=>S0,min:()=>M0,mul:()=>N0,multiply:()=>Tf,negate:()=>L0,normalize:()=>da,random:()=>R0,round:()=>C0,scale:()=>ua,scaleAndAdd:()=>T0,set:()=>Sf,sqrDist:()=>V0,sqrLen:()=>U0,squaredDistance:()=>If,squaredLength:()=>Gr,str:()=>k0,sub:()=>z0,subtract:()=>Cf,transformMat4:()=>ma,transformQuat:()=>ya,zero:()=>O0});function wf(){let n=new V(4);return V!=Float32Array&&(n[0]=0,n[1]=0,n[2]=0,n[3]=0),n}function bf(n){let t=new V(4);return t[0]=n[0],t[1]=n[1],t[2]=n[2],t[3]=n[3],t}function Ef(n,t,e,i){let r=new V(4);return r[0]=n,r[1]=t,r[2]=e,r[3]=i,r}function Mf(n,t){return n[0]=t[0],n[1]=t[1],n[2]=t[2],n[3]=t[3],n}function Sf(n,t,e,i,r){return n[0]=t,n[1]=e,n[2]=i,n[3]=r,n}function ha(n,t,e){return n[0]=t[0]+e[0],n[1]=t[1]+e[1],n[2]=t[2]+e[2],n[3]=t[3]+e[3],n}function Cf(n,t,e){return n[0]=t[0]-e[0],n[1]=t[1]-e[1],n[2]=t[2]-e[2],n[3]=t[3]-e[3],n}function Tf(n,t,e){return n[0]=t[0]*e[0],n[1]=t[1]*e[1],n[2]=t[2]*e[2],n[3]=t[3]*e[3],n}function Lf(n,t,e){return n[0]=t[0]/e[0],n[1]=t[1]/e[1],n[2]=t[2]/e[2],n[3]=t[3]/e[3],n}function b0(n,t){return n[0]=Math.ceil(t[0]),n[1]=Math.ceil(t[1]),n[2]=Math.ceil(t[2]),n[3]=Math.ceil(t[3]),n}function E0(n,t){return n[0]=Math.floor(t[0]),n[1]=Math.floor(t[1]),n[2]=Math.floor(t[2]),n[3]=Math.floor(t[3]),n}function M0(n,t,e){return n[0]=Math.min(t[0],e[0]),n[1]=Math.min(t[1],e[1]),n[2]=Math.min(t[2],e[2]),n[3]=Math.min(t[3],e[3]),n}function S0(n,t,e){return n[0]=Math.max(t[0],e[0]),n[1]=Math.max(t[1],e[1]),n[2]=Math.max(t[2],e[2]),n[3]=Math.max(t[3],e[3]),n}function C0(n,t){return n[0]=gt(t[0]),n[1]=gt(t[1]),n[2]=gt(t[2]),n[3]=gt(t[3]),n}function ua(n,t,e){return n[0]=t[0]*e,n[1]=t[1]*e,n[2]=t[2]*e,n[3]=t[3]*e,n}function T0(n,t,e,i){return n[0]=t[0]+e[0]*i,n[1]=t[1]+e[1]*i,n[2]=t[2]+e[2]*i,n[3]=t[3]+e[3]*i,n}function Af(n,t){let e=t[0]-n[0],i=t[1]-n[1],r=t[2]-n[2],o=t[3]-n[3];return Math.sqrt(e*e+i*i+r*r+o*o)}function If(n,t){let e=t[0]-n[0],i=t[1]-n[1],r=t[2]-n[2],o=t[3]-n[3];return e*e+i*i+r*r+o*o}function Ur(n){let t=n[0],e=n[1],i=n[2],r=n[3];return Math.sqrt(t*t+e*e+i*i+r*r)}function Gr(n){let t=n[0],e=n[1],i=n[2],r=n[3];return t*t+e*e+i*i+r*r}function L0(n,t){return n[0]=-t[0],n[1]=-t[1],n[2]=-t[2],n[3]=-t[3],n}function A0(n,t){return n[0]=1/t[0],n[1]=1/t[1],n[2]=1/t[2],n[3]=1/t[3],n}function da(n,t){let e=t[0],i=t[1],r=t[2],o=t[3],s=e*e+i*i+r*r+o*o;return s>0&&(s=1/Math.sqrt(s)),n[0]=e*s,n[1]=i*s,n[2]=r*s,n[3]=o*s,n}function pa(n,t){return n[0]*t[0]+n[1]*t[1]+n[2]*t[2]+n[3]*t[3]}function I0(n,t,e,i){let r=e[0]*i[1]-e[1]*i[0],o=e[0]*i[2]-e[2]*i[0],s=e[0]*i[3]-e[3]*i[0],a=e[1]*i[2]-e[2]*i[1],c=e[1]*i[3]-e[3]*i[1],l=e[2]*i[3]-e[3]*i[2],f=t[0],h=t[1],u=t[2],d=t[3];return n[0]=h*l-u*c+d*a,n[1]=-(f*l)+u*s-d*o,n[2]=f*c-h*s+d*r,n[3]=-(f*a)+h*o-u*r,n}function ga(n,t,e,i){let r=t[0],o=t[1],s=t[2],a=t[3];return n[0]=r+i*(e[0]-r),n[1]=o+i*(e[1]-o),n[2]=s+i*(e[2]-s),n[3]=a+i*(e[3]-a),n}function R0(n,t){t=t===void 0?1:t;let e,i,r,o,s,a;do e=Nt()*2-1,i=Nt()*2-1,s=e*e+i*i;while(s>=1);do r=Nt()*2-1,o=Nt()*2-1,a=r*r+o*o;while(a>=1);let c=Math.sqrt((1-s)/a);return n[0]=t*e,n[1]=t*i,n[2]=t*r*c,n[3]=t*o*c,n}function ma(n,t,e){let i=t[0],r=t[1],o=t[2],s=t[3];return n[0]=e[0]*i+e[4]*r+e[8]*o+e[12]*s,n[1]=e[1]*i+e[5]*r+e[9]*o+e[13]*s,n[2]=e[2]*i+e[6]*r+e[10]*o+e[14]*s,n[3]=e[3]*i+e[7]*r+e[11]*o+e[15]*s,n}function ya(n,t,e){let i=t[0],r=t[1],o=t[2],s=e[0],a=e[1],c=e[2],l=e[3],f=l*i+a*o-c*r,h=l*r+c*i-s*o,u=l*o+s*r-a*i,d=-s*i-a*r-c*o;return n[0]=f*l+d*-s+h*-c-u*-a,n[1]=h*l+d*-a+u*-s-f*-c,n[2]=u*l+d*-c+f*-a-h*-s,n[3]=t[3],n}function O0(n){return n[0]=0,n[1]=0,n[2]=0,n[3]=0,n}function k0(n){return`vec4(${n[0]}, ${n[1]}, ${n[2]}, ${n[3]})`}function Rf(n,t){return n[0]===t[0]&&n[1]===t[1]&&n[2]===t[2]&&n[3]===t[3]}function D0(n,t){let e=n[0],i=n[1],r=n[2],o=n[3],s=t[0],a=t[1],c=t[2],l=t[3];return Math.abs(e-s)<=1e-6*Math.max(1,Math.abs(e),Math.abs(s))&&Math.abs(i-a)<=1e-6*Math.max(1,Math.abs(i),Math.abs(a))&&Math.abs(r-c)<=1e-6*Math.max(1,Math.abs(r),Math.abs(c))&&Math.abs(o-l)<=1e-6*Math.max(1,Math.abs(o),Math.abs(l))}var z0=Cf,N0=Tf,B0=Lf,j0=Af,V0=If,F0=Ur,U0=Gr,G0=(function(){let n=wf();return function(t,e,i,r,o,s){let a,c;for(e||(e=4),i||(i=0),r?c=Math.min(r*e+i,t.length):c=t.length,a=i;a<c;a+=e)n[0]=t[a],n[1]=t[a+1],n[2]=t[a+2],n[3]=t[a+3],o(n,n,s),t[a]=n[0],t[a+1]=n[1],t[a+2]=n[2],t[a+3]=n[3];return t}})();var _a;(function(n){n[n.COL0ROW0=0]="COL0ROW0",n[n.COL0ROW1=1]="COL0ROW1",n[n.COL0ROW2=2]="COL0ROW2",n[n.COL0ROW3=3]="COL0ROW3",n[n.COL1ROW0=4]="COL1ROW0",n[n.COL1ROW1=5]="COL1ROW1",n[n.COL1ROW2=6]="COL1ROW2",n[n.COL1ROW3=7]="COL1ROW3",n[n.COL2ROW0=8]="COL2ROW0",n[n.COL2ROW1=9]="COL2ROW1",n[n.COL2ROW2=10]="COL2ROW2",n[n.COL2ROW3=11]="COL2ROW3",n[n.COL3ROW0=12]="COL3ROW0",n[n.COL3ROW1=13]="COL3ROW1",n[n.COL3ROW2=14]="COL3ROW2",n[n.COL3ROW3=15]="COL3ROW3"})(_a||(_a={}));var W0=45*Math.PI/180,Y0=1,xa=.1,va=500,$0=Object.freeze([1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]),X=class extends Fr{static get IDENTITY(){return Z0()}static get ZERO(){return H0()}get ELEMENTS(){return 16}get RANK(){return 4}get INDICES(){return _a}constructor(t){super(-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0),arguments.length===1&&Array.isArray(t)?this.copy(t):this.identity()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this[4]=t[4],this[5]=t[5],this[6]=t[6],this[7]=t[7],this[8]=t[8],this[9]=t[9],this[10]=t[10],this[11]=t[11],this[12]=t[12],this[13]=t[13],this[14]=t[14],this[15]=t[15],this.check()}set(t,e,i,r,o,s,a,c,l,f,h,u,d,p,g,m){return this[0]=t,this[1]=e,this[2]=i,this[3]=r,this[4]=o,this[5]=s,this[6]=a,this[7]=c,this[8]=l,this[9]=f,this[10]=h,this[11]=u,this[12]=d,this[13]=p,this[14]=g,this[15]=m,this.check()}setRowMajor(t,e,i,r,o,s,a,c,l,f,h,u,d,p,g,m){return this[0]=t,this[1]=o,this[2]=l,this[3]=d,this[4]=e,this[5]=s,this[6]=f,this[7]=p,this[8]=i,this[9]=a,this[10]=h,this[11]=g,this[12]=r,this[13]=c,this[14]=u,this[15]=m,this.check()}toRowMajor(t){return t[0]=this[0],t[1]=this[4],t[2]=this[8],t[3]=this[12],t[4]=this[1],t[5]=this[5],t[6]=this[9],t[7]=this[13],t[8]=this[2],t[9]=this[6],t[10]=this[10],t[11]=this[14],t[12]=this[3],t[13]=this[7],t[14]=this[11],t[15]=this[15],t}identity(){return this.copy($0)}fromObject(t){return this.check()}fromQuaternion(t){return sa(this,t),this.check()}frustum(t){let{left:e,right:i,bottom:r,top:o,near:s=xa,far:a=va}=t;return a===1/0?q0(this,e,i,r,o,s):aa(this,e,i,r,o,s,a),this.check()}lookAt(t){let{eye:e,center:i=[0,0,0],up:r=[0,1,0]}=t;return fa(this,e,i,r),this.check()}ortho(t){let{left:e,right:i,bottom:r,top:o,near:s=xa,far:a=va}=t;return la(this,e,i,r,o,s,a),this.check()}orthographic(t){let{fovy:e=W0,aspect:i=Y0,focalDistance:r=1,near:o=xa,far:s=va}=t;Of(e);let a=e/2,c=r*Math.tan(a),l=c*i;return this.ortho({left:-l,right:l,bottom:-c,top:c,near:o,far:s})}perspective(t){let{fovy:e=45*Math.PI/180,aspect:i=1,near:r=.1,far:o=500}=t;return Of(e),ca(this,e,i,r,o),this.check()}determinant(){return Qs(this)}getScale(t=[-0,-0,-0]){return t[0]=Math.sqrt(this[0]*this[0]+this[1]*this[1]+this[2]*this[2]),t[1]=Math.sqrt(this[4]*this[4]+this[5]*this[5]+this[6]*this[6]),t[2]=Math.sqrt(this[8]*this[8]+this[9]*this[9]+this[10]*this[10]),t}getTranslation(t=[-0,-0,-0]){return t[0]=this[12],t[1]=this[13],t[2]=this[14],t}getRotation(t,e){t=t||[-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0],e=e||[-0,-0,-0];let i=this.getScale(e),r=1/i[0],o=1/i[1],s=1/i[2];return t[0]=this[0]*r,t[1]=this[1]*o,t[2]=this[2]*s,t[3]=0,t[4]=this[4]*r,t[5]=this[5]*o,t[6]=this[6]*s,t[7]=0,t[8]=this[8]*r,t[9]=this[9]*o,t[10]=this[10]*s,t[11]=0,t[12]=0,t[13]=0,t[14]=0,t[15]=1,t}getRotationMatrix3(t,e){t=t||[-0,-0,-0,-0,-0,-0,-0,-0,-0],e=e||[-0,-0,-0];let i=this.getScale(e),r=1/i[0],o=1/i[1],s=1/i[2];return t[0]=this[0]*r,t[1]=this[1]*o,t[2]=this[2]*s,t[3]=this[4]*r,t[4]=this[5]*o,t[5]=this[6]*s,t[6]=this[8]*r,t[7]=this[9]*o,t[8]=this[10]*s,t}transpose(){return Ks(this,this),this.check()}invert(){return Js(this,this),this.check()}multiplyLeft(t){return Hn(this,t,this),this.check()}multiplyRight(t){return Hn(this,this,t),this.check()}rotateX(t){return ia(this,this,t),this.check()}rotateY(t){return ra(this,this,t),this.check()}rotateZ(t){return oa(this,this,t),this.check()}rotateXYZ(t){return this.rotateX(t[0]).rotateY(t[1]).rotateZ(t[2])}rotateAxis(t,e){return na(this,this,t,e),this.check()}scale(t){return ea(this,this,Array.isArray(t)?t:[t,t,t]),this.check()}translate(t){return ta(this,this,t),this.check()}transform(t,e){return t.length===4?(e=ma(e||[-0,-0,-0,-0],t,this),Je(e,4),e):this.transformAsPoint(t,e)}transformAsPoint(t,e){let{length:i}=t,r;switch(i){case 2:r=Us(e||[-0,-0],t,this);break;case 3:r=Te(e||[-0,-0,-0],t,this);break;default:throw new Error("Illegal vector")}return Je(r,t.length),r}transformAsVector(t,e){let i;switch(t.length){case 2:i=nf(e||[-0,-0],t,this);break;case 3:i=Dr(e||[-0,-0,-0],t,this);break;default:throw new Error("Illegal vector")}return Je(i,t.length),i}transformPoint(t,e){return this.transformAsPoint(t,e)}transformVector(t,e){return this.transformAsPoint(t,e)}transformDirection(t,e){return this.transformAsVector(t,e)}makeRotationX(t){return this.identity().rotateX(t)}makeTranslation(t,e,i){return this.identity().translate([t,e,i])}},Wr,Yr;function H0(){return Wr||(Wr=new X([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]),Object.freeze(Wr)),Wr}function Z0(){return Yr||(Yr=new X,Object.freeze(Yr)),Yr}function Of(n){if(n>Math.PI*2)throw Error("expected radians")}function q0(n,t,e,i,r,o){let s=2*o/(e-t),a=2*o/(r-i),c=(e+t)/(e-t),l=(r+i)/(r-i),f=-1,h=-1,u=-2*o;return n[0]=s,n[1]=0,n[2]=0,n[3]=0,n[4]=0,n[5]=a,n[6]=0,n[7]=0,n[8]=c,n[9]=l,n[10]=f,n[11]=h,n[12]=0,n[13]=0,n[14]=u,n[15]=0,n}function kf(){let n=new V(4);return V!=Float32Array&&(n[0]=0,n[1]=0,n[2]=0),n[3]=1,n}function Df(n){return n[0]=0,n[1]=0,n[2]=0,n[3]=1,n}function Pa(n,t,e){e=e*.5;let i=Math.sin(e);return n[0]=i*t[0],n[1]=i*t[1],n[2]=i*t[2],n[3]=Math.cos(e),n}function wa(n,t,e){let i=t[0],r=t[1],o=t[2],s=t[3],a=e[0],c=e[1],l=e[2],f=e[3];return n[0]=i*f+s*a+r*l-o*c,n[1]=r*f+s*c+o*a-i*l,n[2]=o*f+s*l+i*c-r*a,n[3]=s*f-i*a-r*c-o*l,n}function zf(n,t,e){e*=.5;let i=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return n[0]=i*c+s*a,n[1]=r*c+o*a,n[2]=o*c-r*a,n[3]=s*c-i*a,n}function Nf(n,t,e){e*=.5;let i=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return n[0]=i*c-o*a,n[1]=r*c+s*a,n[2]=o*c+i*a,n[3]=s*c-r*a,n}function Bf(n,t,e){e*=.5;let i=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return n[0]=i*c+r*a,n[1]=r*c-i*a,n[2]=o*c+s*a,n[3]=s*c-o*a,n}function jf(n,t){let e=t[0],i=t[1],r=t[2];return n[0]=e,n[1]=i,n[2]=r,n[3]=Math.sqrt(Math.abs(1-e*e-i*i-r*r)),n}function Zn(n,t,e,i){let r=t[0],o=t[1],s=t[2],a=t[3],c=e[0],l=e[1],f=e[2],h=e[3],u,d,p,g,m;return u=r*c+o*l+s*f+a*h,u<0&&(u=-u,c=-c,l=-l,f=-f,h=-h),1-u>1e-6?(d=Math.acos(u),m=Math.sin(d),p=Math.sin((1-i)*d)/m,g=Math.sin(i*d)/m):(p=1-i,g=i),n[0]=p*r+g*c,n[1]=p*o+g*l,n[2]=p*s+g*f,n[3]=p*a+g*h,n}function Vf(n,t){let e=t[0],i=t[1],r=t[2],o=t[3],s=e*e+i*i+r*r+o*o,a=s?1/s:0;return n[0]=-e*a,n[1]=-i*a,n[2]=-r*a,n[3]=o*a,n}function Ff(n,t){return n[0]=-t[0],n[1]=-t[1],n[2]=-t[2],n[3]=t[3],n}function ba(n,t){let e=t[0]+t[4]+t[8],i;if(e>0)i=Math.sqrt(e+1),n[3]=.5*i,i=.5/i,n[0]=(t[5]-t[7])*i,n[1]=(t[6]-t[2])*i,n[2]=(t[1]-t[3])*i;else{let r=0;t[4]>t[0]&&(r=1),t[8]>t[r*3+r]&&(r=2);let o=(r+1)%3,s=(r+2)%3;i=Math.sqrt(t[r*3+r]-t[o*3+o]-t[s*3+s]+1),n[r]=.5*i,i=.5/i,n[3]=(t[o*3+s]-t[s*3+o])*i,n[o]=(t[o*3+r]+t[r*3+o])*i,n[s]=(t[s*3+r]+t[r*3+s])*i}return n}var Uf=ha;var Gf=ua,Wf=pa,Yf=ga,$f=Ur;var Hf=Gr;var Zf=da;var qf=(function(){let n=zr(),t=Nr(1,0,0),e=Nr(0,1,0);return function(i,r,o){let s=Yn(r,o);return s<-.999999?(Ce(n,t,r),qs(n)<1e-6&&Ce(n,e,r),Gs(n,n),Pa(i,n,Math.PI),i):s>.999999?(i[0]=0,i[1]=0,i[2]=0,i[3]=1,i):(Ce(n,r,o),i[0]=n[0],i[1]=n[1],i[2]=n[2],i[3]=1+s,Zf(i,i))}})(),MM=(function(){let n=kf(),t=kf();return function(e,i,r,o,s,a){return Zn(n,i,s,a),Zn(t,r,o,a),Zn(e,n,t,2*a*(1-a)),e}})(),SM=(function(){let n=pf();return function(t,e,i,r){return n[0]=i[0],n[3]=i[1],n[6]=i[2],n[1]=r[0],n[4]=r[1],n[7]=r[2],n[2]=-e[0],n[5]=-e[1],n[8]=-e[2],Zf(t,ba(t,n))}})();var K0=[0,0,0,1],qn=class extends he{constructor(t=0,e=0,i=0,r=1){super(-0,-0,-0,-0),Array.isArray(t)&&arguments.length===1?this.copy(t):this.set(t,e,i,r)}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this.check()}set(t,e,i,r){return this[0]=t,this[1]=e,this[2]=i,this[3]=r,this.check()}fromObject(t){return this[0]=t.x,this[1]=t.y,this[2]=t.z,this[3]=t.w,this.check()}fromMatrix3(t){return ba(this,t),this.check()}fromAxisRotation(t,e){return Pa(this,t,e),this.check()}identity(){return Df(this),this.check()}setAxisAngle(t,e){return this.fromAxisRotation(t,e)}get ELEMENTS(){return 4}get x(){return this[0]}set x(t){this[0]=N(t)}get y(){return this[1]}set y(t){this[1]=N(t)}get z(){return this[2]}set z(t){this[2]=N(t)}get w(){return this[3]}set w(t){this[3]=N(t)}len(){return $f(this)}lengthSquared(){return Hf(this)}dot(t){return Wf(this,t)}rotationTo(t,e){return qf(this,t,e),this.check()}add(t){return Uf(this,this,t),this.check()}calculateW(){return jf(this,this),this.check()}conjugate(){return Ff(this,this),this.check()}invert(){return Vf(this,this),this.check()}lerp(t,e,i){return i===void 0?this.lerp(this,t,e):(Yf(this,t,e,i),this.check())}multiplyRight(t){return wa(this,this,t),this.check()}multiplyLeft(t){return wa(this,t,this),this.check()}normalize(){let t=this.len(),e=t>0?1/t:0;return this[0]=this[0]*e,this[1]=this[1]*e,this[2]=this[2]*e,this[3]=this[3]*e,t===0&&(this[3]=1),this.check()}rotateX(t){return zf(this,this,t),this.check()}rotateY(t){return Nf(this,this,t),this.check()}rotateZ(t){return Bf(this,this,t),this.check()}scale(t){return Gf(this,this,t),this.check()}slerp(t,e,i){let r,o,s;switch(arguments.length){case 1:({start:r=K0,target:o,ratio:s}=t);break;case 2:r=this,o=t,s=e;break;default:r=t,o=e,s=i}return Zn(this,r,o,s),this.check()}transformVector4(t,e=new Vr){return ya(e,t,this),Je(e,4)}lengthSq(){return this.lengthSquared()}setFromAxisAngle(t,e){return this.setAxisAngle(t,e)}premultiply(t){return this.multiplyLeft(t)}multiply(t){return this.multiplyRight(t)}};var J0=`struct LayerUniforms {
  opacity: f32,
};

@group(0) @binding(auto)
var<uniform> layer: LayerUniforms;
`,Xf=`layout(std140) uniform layerUniforms {
  uniform float opacity;
} layer;
`,Ea={name:"layer",source:J0,vs:Xf,fs:Xf,getUniforms:n=>({opacity:Math.pow(n.opacity,.45454545454545453)}),uniformTypes:{opacity:"f32"}};var Q0=`

@must_use
fn deckgl_premultiplied_alpha(fragColor: vec4<f32>) -> vec4<f32> {
    return vec4(fragColor.rgb * fragColor.a, fragColor.a); 
};
`,Bt={name:"color",dependencies:[],source:Q0,getUniforms:n=>({})};var ty=`const SMOOTH_EDGE_RADIUS: f32 = 0.5;

struct VertexGeometry {
  position: vec4<f32>,
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry_: VertexGeometry = VertexGeometry(
  vec4<f32>(0.0, 0.0, 1.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec2<f32>(0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0)
);

struct FragmentGeometry {
  uv: vec2<f32>,
};

var<private> fragmentGeometry: FragmentGeometry;

fn smoothedge(edge: f32, x: f32) -> f32 {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,Kf="#define SMOOTH_EDGE_RADIUS 0.5",ey=`${Kf}

struct VertexGeometry {
  vec4 position;
  vec3 worldPosition;
  vec3 worldPositionAlt;
  vec3 normal;
  vec2 uv;
  vec3 pickingColor;
} geometry = VertexGeometry(
  vec4(0.0, 0.0, 1.0, 0.0),
  vec3(0.0),
  vec3(0.0),
  vec3(0.0),
  vec2(0.0),
  vec3(0.0)
);
`,ny=`${Kf}

struct FragmentGeometry {
  vec2 uv;
};
FragmentGeometry geometry;

float smoothedge(float edge, float x) {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,$r={name:"geometry",source:ty,vs:ey,fs:ny};var A;(function(n){n[n.Start=1]="Start",n[n.Move=2]="Move",n[n.End=4]="End",n[n.Cancel=8]="Cancel"})(A||(A={}));var F;(function(n){n[n.None=0]="None",n[n.Left=1]="Left",n[n.Right=2]="Right",n[n.Up=4]="Up",n[n.Down=8]="Down",n[n.Horizontal=3]="Horizontal",n[n.Vertical=12]="Vertical",n[n.All=15]="All"})(F||(F={}));var E;(function(n){n[n.Possible=1]="Possible",n[n.Began=2]="Began",n[n.Changed=4]="Changed",n[n.Ended=8]="Ended",n[n.Recognized=8]="Recognized",n[n.Cancelled=16]="Cancelled",n[n.Failed=32]="Failed"})(E||(E={}));var Jf="compute",Ma="auto",Le="manipulation",Ae="none",Xn="pan-x",Kn="pan-y";function Sa(n){if(n.includes(Ae))return Ae;let t=n.includes(Xn),e=n.includes(Kn);return t&&e?Ae:t||e?t?Xn:Kn:n.includes(Le)?Le:Ma}var Jn=class{constructor(t,e){this.actions="",this.manager=t,this.set(e)}set(t){t===Jf&&(t=this.compute()),this.manager.element&&(this.manager.element.style.touchAction=t,this.actions=t)}update(){this.set(this.manager.options.touchAction)}compute(){let t=[];for(let e of this.manager.recognizers)e.options.enable&&(t=t.concat(e.getTouchAction()));return Sa(t.join(" "))}};function en(n){return n.trim().split(/\s+/g)}function Hr(n,t,e){if(n)for(let i of en(t))n.addEventListener(i,e,!1)}function Zr(n,t,e){if(n)for(let i of en(t))n.removeEventListener(i,e,!1)}function Ca(n){return(n.ownerDocument||n).defaultView}function Ta(n,t){let e=n;for(;e;){if(e===t)return!0;e=e.parentNode}return!1}function qr(n){let t=n.length;if(t===1)return{x:Math.round(n[0].clientX),y:Math.round(n[0].clientY)};let e=0,i=0,r=0;for(;r<t;)e+=n[r].clientX,i+=n[r].clientY,r++;return{x:Math.round(e/t),y:Math.round(i/t)}}function La(n){let t=[],e=0;for(;e<n.pointers.length;)t[e]={clientX:Math.round(n.pointers[e].clientX),clientY:Math.round(n.pointers[e].clientY)},e++;return{timeStamp:Date.now(),pointers:t,center:qr(t),deltaX:n.deltaX,deltaY:n.deltaY}}function nn(n,t){let e=t.x-n.x,i=t.y-n.y;return Math.sqrt(e*e+i*i)}function Qn(n,t){let e=t.clientX-n.clientX,i=t.clientY-n.clientY;return Math.sqrt(e*e+i*i)}function Qf(n,t){let e=t.x-n.x,i=t.y-n.y;return Math.atan2(i,e)*180/Math.PI}function Aa(n,t){let e=t.clientX-n.clientX,i=t.clientY-n.clientY;return Math.atan2(i,e)*180/Math.PI}function rn(n,t){return n===t?F.None:Math.abs(n)>=Math.abs(t)?n<0?F.Left:F.Right:t<0?F.Up:F.Down}function th(n,t){let e=t.center,i=n.offsetDelta,r=n.prevDelta,o=n.prevInput;return(t.eventType===A.Start||o?.eventType===A.End)&&(r=n.prevDelta={x:o?.deltaX||0,y:o?.deltaY||0},i=n.offsetDelta={x:e.x,y:e.y}),{deltaX:r.x+(e.x-i.x),deltaY:r.y+(e.y-i.y)}}function Xr(n,t,e){return{x:t/n||0,y:e/n||0}}function eh(n,t){return Qn(t[0],t[1])/Qn(n[0],n[1])}function nh(n,t){return Aa(t[1],t[0])-Aa(n[1],n[0])}function ih(n,t){let e=n.lastInterval||t,i=t.timeStamp-e.timeStamp,r,o,s,a;if(t.eventType!==A.Cancel&&(i>25||e.velocity===void 0)){let c=t.deltaX-e.deltaX,l=t.deltaY-e.deltaY,f=Xr(i,c,l);o=f.x,s=f.y,r=Math.abs(f.x)>Math.abs(f.y)?f.x:f.y,a=rn(c,l),n.lastInterval=t}else r=e.velocity,o=e.velocityX,s=e.velocityY,a=e.direction;t.velocity=r,t.velocityX=o,t.velocityY=s,t.direction=a}function Ia(n,t){return"pointerId"in n?n.pointerId:t}function rh(n,t){n.movementOrigin=new Map(t.map((e,i)=>[Ia(e,i),{clientX:e.clientX,clientY:e.clientY}])),n.firstMovementTime=void 0}function ry(n,t){let e=t.pointers.map(Ia);if(n.movementOrigin?.size===e.length&&e.every(r=>n.movementOrigin.has(r))||rh(n,t.pointers),t.distancePerPointer=t.pointers.map((r,o)=>Qn(n.movementOrigin.get(e[o]),r)),t.eventType&A.Move&&t.distancePerPointer.some(r=>r>0)&&(n.firstMovementTime??(n.firstMovementTime=t.timeStamp)),t.movementDeltaTime=n.firstMovementTime===void 0?0:t.timeStamp-n.firstMovementTime,t.eventType&(A.End|A.Cancel)){let r=t.changedPointers.map(o=>Ia(o,t.pointers.indexOf(o)));rh(n,t.pointers.filter((o,s)=>!r.includes(e[s])))}}function oh(n,t){let{session:e}=n,{pointers:i}=t,{length:r}=i;e.firstInput||(e.firstInput=La(t)),r>1&&!e.firstMultiple?e.firstMultiple=La(t):r===1&&(e.firstMultiple=!1);let{firstInput:o,firstMultiple:s}=e,a=s?s.center:o.center,c=t.center=qr(i);t.timeStamp=Date.now(),t.deltaTime=t.timeStamp-o.timeStamp,ry(e,t),t.angle=Qf(a,c),t.distance=nn(a,c);let{deltaX:l,deltaY:f}=th(e,t);t.deltaX=l,t.deltaY=f,t.offsetDirection=rn(t.deltaX,t.deltaY);let h=Xr(t.deltaTime,t.deltaX,t.deltaY);t.overallVelocityX=h.x,t.overallVelocityY=h.y,t.overallVelocity=Math.abs(h.x)>Math.abs(h.y)?h.x:h.y,t.scale=s?eh(s.pointers,i):1,t.rotation=s?nh(s.pointers,i):0,t.maxPointers=e.prevInput?t.pointers.length>e.prevInput.maxPointers?t.pointers.length:e.prevInput.maxPointers:t.pointers.length;let u=n.element;return Ta(t.srcEvent.target,u)&&(u=t.srcEvent.target),t.target=u,ih(e,t),t}function sh(n,t,e){let i=e.pointers.length,r=e.changedPointers.length,o=t&A.Start&&i-r===0,s=t&(A.End|A.Cancel)&&i-r===0;e.isFirst=!!o,e.isFinal=!!s,o&&(n.session={}),e.eventType=t;let a=oh(n,e);n.emit("hammer.input",a),n.recognize(a),n.session.prevInput=a}var ti=class{constructor(t){this.evEl="",this.evWin="",this.evTarget="",this.domHandler=e=>{this.manager.options.enable&&this.handler(e)},this.manager=t,this.element=t.element,this.target=t.options.inputTarget||t.element}callback(t,e){sh(this.manager,t,e)}init(){Hr(this.element,this.evEl,this.domHandler),Hr(this.target,this.evTarget,this.domHandler),Hr(Ca(this.element),this.evWin,this.domHandler)}destroy(){Zr(this.element,this.evEl,this.domHandler),Zr(this.target,this.evTarget,this.domHandler),Zr(Ca(this.element),this.evWin,this.domHandler)}};var oy={pointerdown:A.Start,pointermove:A.Move,pointerup:A.End,pointercancel:A.Cancel,pointerout:A.Cancel},sy="pointerdown",ay="pointermove pointerup pointercancel",ei=class extends ti{constructor(t){super(t),this.evEl=sy,this.evWin=ay,this.store=this.manager.session.pointerEvents=[],this.init()}handler(t){let{store:e}=this,i=!1,r=oy[t.type],o=t.pointerType,s=o==="touch",a=e.findIndex(c=>c.pointerId===t.pointerId);r&A.Start&&(t.buttons||s)?a<0&&(e.push(t),a=e.length-1):r&(A.End|A.Cancel)&&(i=!0),!(a<0)&&(e[a]=t,this.callback(r,{pointers:e,changedPointers:[t],eventType:r,pointerType:o,srcEvent:t}),i&&e.splice(a,1))}};var cy=["","webkit","Moz","MS","ms","o"];function ah(n,t){let e=t[0].toUpperCase()+t.slice(1);for(let i of cy){let r=i?i+e:t;if(r in n)return r}}var ly=1,ch=2,lh={touchAction:"compute",enable:!0,inputTarget:null,cssProps:{userSelect:"none",userDrag:"none",touchCallout:"none",tapHighlightColor:"rgba(0,0,0,0)"}},ni=class{constructor(t,e){this.options={...lh,...e,cssProps:{...lh.cssProps,...e.cssProps},inputTarget:e.inputTarget||t},this.handlers={},this.session={},this.recognizers=[],this.oldCssProps={},this.element=t,this.input=new ei(this),this.touchAction=new Jn(this,this.options.touchAction),this.toggleCssProps(!0)}set(t){return Object.assign(this.options,t),t.touchAction&&this.touchAction.update(),t.inputTarget&&(this.input.destroy(),this.input.target=t.inputTarget,this.input.init()),this}stop(t){this.session.stopped=t?ch:ly}recognize(t){let{session:e}=this;if(e.stopped)return;this.session.prevented&&t.srcEvent.preventDefault();let i,{recognizers:r}=this,{curRecognizer:o}=e;(!o||o&&o.state&E.Recognized)&&(o=e.curRecognizer=null);let s=0;for(;s<r.length;)i=r[s],e.stopped!==ch&&(!o||i===o||i.canRecognizeWith(o))?i.recognize(t):i.reset(),!o&&i.state&(E.Began|E.Changed|E.Ended)&&(o=e.curRecognizer=i),s++}get(t){let{recognizers:e}=this;for(let i=0;i<e.length;i++)if(e[i].options.event===t)return e[i];return null}add(t){if(Array.isArray(t)){for(let i of t)this.add(i);return this}let e=this.get(t.options.event);return e&&this.remove(e),this.recognizers.push(t),t.manager=this,this.touchAction.update(),t}remove(t){if(Array.isArray(t)){for(let i of t)this.remove(i);return this}let e=typeof t=="string"?this.get(t):t;if(e){let{recognizers:i}=this,r=i.indexOf(e);r!==-1&&(i.splice(r,1),this.touchAction.update())}return this}on(t,e){if(!t||!e)return;let{handlers:i}=this;for(let r of en(t))i[r]=i[r]||[],i[r].push(e)}off(t,e){if(!t)return;let{handlers:i}=this;for(let r of en(t))e?i[r]&&i[r].splice(i[r].indexOf(e),1):delete i[r]}emit(t,e){let i=this.handlers[t]&&this.handlers[t].slice();if(!i||!i.length)return;let r=e;r.type=t,r.preventDefault=function(){e.srcEvent.preventDefault()};let o=0;for(;o<i.length;)i[o](r),o++}destroy(){this.toggleCssProps(!1),this.handlers={},this.session={},this.input.destroy(),this.element=null}toggleCssProps(t){let{element:e}=this;if(e){for(let[i,r]of Object.entries(this.options.cssProps)){let o=ah(e.style,i);t?(this.oldCssProps[o]=e.style[o],e.style[o]=r):e.style[o]=this.oldCssProps[o]||""}t||(this.oldCssProps={})}}};var fy=1;function fh(){return fy++}function Ra(n){return n&E.Cancelled?"cancel":n&E.Ended?"end":n&E.Changed?"move":n&E.Began?"start":""}var bt=class{constructor(t){this.options=t,this.id=fh(),this.state=E.Possible,this.simultaneous={},this.requireFail=[]}set(t){return Object.assign(this.options,t),this.manager.touchAction.update(),this}recognizeWith(t){if(Array.isArray(t)){for(let r of t)this.recognizeWith(r);return this}let e;if(typeof t=="string"){if(e=this.manager.get(t),!e)throw new Error(`Cannot find recognizer ${t}`)}else e=t;let{simultaneous:i}=this;return i[e.id]||(i[e.id]=e,e.recognizeWith(this)),this}dropRecognizeWith(t){if(Array.isArray(t)){for(let i of t)this.dropRecognizeWith(i);return this}let e;return typeof t=="string"?e=this.manager.get(t):e=t,e&&delete this.simultaneous[e.id],this}requireFailure(t){if(Array.isArray(t)){for(let r of t)this.requireFailure(r);return this}let e;if(typeof t=="string"){if(e=this.manager.get(t),!e)throw new Error(`Cannot find recognizer ${t}`)}else e=t;let{requireFail:i}=this;return i.indexOf(e)===-1&&(i.push(e),e.requireFailure(this)),this}dropRequireFailure(t){if(Array.isArray(t)){for(let i of t)this.dropRequireFailure(i);return this}let e;if(typeof t=="string"?e=this.manager.get(t):e=t,e){let i=this.requireFail.indexOf(e);i>-1&&this.requireFail.splice(i,1)}return this}hasRequireFailures(){return!!this.requireFail.find(t=>t.options.enable)}canRecognizeWith(t){return!!this.simultaneous[t.id]}emit(t){if(!t)return;let{state:e}=this;e<E.Ended&&this.manager.emit(this.options.event+Ra(e),t),this.manager.emit(this.options.event,t),t.additionalEvent&&this.manager.emit(t.additionalEvent,t),e>=E.Ended&&this.manager.emit(this.options.event+Ra(e),t)}tryEmit(t){this.canEmit()?this.emit(t):this.state=E.Failed}canEmit(){let t=0;for(;t<this.requireFail.length;){if(!(this.requireFail[t].state&(E.Failed|E.Possible)))return!1;t++}return!0}recognize(t){let e={...t};if(!this.options.enable){this.reset(),this.state=E.Failed;return}this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible),this.state=this.process(e),this.state&(E.Began|E.Changed|E.Ended|E.Cancelled)&&this.tryEmit(e)}getEventNames(){return[this.options.event]}reset(){}};function hy(n){return Math.abs(((n+180)%360+360)%360-180)}function uy(n,t){return(t.distance===void 0||n.distance>=t.distance)&&(t.distancePerPointer===void 0||n.distancePerPointer.length>0&&n.distancePerPointer.every(e=>e>=t.distancePerPointer))&&(t.movementDeltaTime===void 0||n.movementDeltaTime>=t.movementDeltaTime)&&(t.rotation===void 0||hy(n.rotation)>=t.rotation)&&(t.scale===void 0||Math.abs(n.scale-1)>=t.scale)}var Ie=class extends bt{attrTest(t){let e=this.options.pointers;return e===0||t.pointers.length===e}coherentTest(t){let e=this.options.coherent;return!e?.length||e.some(i=>uy(t,i))}process(t){let{state:e}=this,{eventType:i}=t,r=e&(E.Began|E.Changed),o=this.attrTest(t);return r&&(i&A.Cancel||!o)?e|E.Cancelled:r||o?i&A.End?e|E.Ended:e&E.Began?e|E.Changed:E.Began:E.Failed}};var dy=["","start","move","end","cancel"],on=class extends bt{constructor(t={}){super({enable:!0,event:"doubleclickdrag",pointers:1,interval:500,time:350,threshold:28,dragThreshold:1,pixelsPerScale:120,...t}),this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}getTouchAction(){return[Le]}getEventNames(){return dy.map(t=>this.options.event+t)}process(t){let{options:e}=this;return t.pointers.length===e.pointers?t.eventType&A.Start?this._handleStart(t):t.eventType&A.Move?this._handleMove(t):t.eventType&A.Cancel?this._handleEnd(t,!0):t.eventType&A.End?this._handleEnd(t,!1):E.Failed:(this.reset(),E.Failed)}reset(){this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}emit(t){if(t){if(this.state===E.Began){if(!this._drag?.active||this._emittedStart)return;this._emittedStart=!0,this.manager.emit(`${this.options.event}start`,t),this.manager.emit(this.options.event,t);return}if(this.state===E.Changed){if(!this._emittedStart)return;this.manager.emit(`${this.options.event}move`,t),this.manager.emit(this.options.event,t);return}if(this.state===E.Ended){if(!this._emittedStart)return;this.manager.emit(this.options.event,t),this.manager.emit(`${this.options.event}end`,t),this._emittedStart=!1;return}if(this.state===E.Cancelled){if(!this._emittedStart)return;this.manager.emit(this.options.event,t),this.manager.emit(`${this.options.event}cancel`,t),this._emittedStart=!1}}}_handleStart(t){let e=this._getPointerId(t);return this._lastTap&&this._isTapMatch(t,this._lastTap)?(this._tapStart=null,this._lastTap=null,this._drag={startCenter:t.center,pointerId:e,active:!1},this._emittedStart=!1,E.Began):(this._tapStart={center:t.center,timeStamp:t.timeStamp,pointerId:e},this._lastTap=null,this._drag=null,this._emittedStart=!1,E.Failed)}_handleMove(t){if(!this._drag||!this._isSamePointer(t,this._drag.pointerId))return E.Failed;let e=this._drag.startCenter.y-t.center.y;return!this._drag.active&&Math.abs(e)<this.options.dragThreshold?E.Began:(this._drag.active=!0,t.scale=Math.pow(2,e/this.options.pixelsPerScale),this._emittedStart?E.Changed:E.Began)}_handleEnd(t,e){if(this._drag&&this._isSamePointer(t,this._drag.pointerId)){let{active:i,startCenter:r}=this._drag;if(this._drag=null,this._tapStart=null,this._lastTap=null,!i)return this._emittedStart=!1,E.Failed;let o=r.y-t.center.y;return t.scale=Math.pow(2,o/this.options.pixelsPerScale),e?E.Cancelled:E.Ended}return!this._tapStart||!this._isSamePointer(t,this._tapStart.pointerId)?(e&&this.reset(),E.Failed):(this._isValidTap(t)?this._lastTap={center:t.center,timeStamp:t.timeStamp,pointerId:this._tapStart.pointerId}:this._lastTap=null,this._tapStart=null,E.Failed)}_isTapMatch(t,e){return t.timeStamp-e.timeStamp<=this.options.interval&&nn(t.center,e.center)<=this.options.threshold}_isValidTap(t){return t.deltaTime<=this.options.time&&t.distance<=this.options.threshold}_getPointerId(t){return"pointerId"in t.srcEvent?t.srcEvent.pointerId:null}_isSamePointer(t,e){return e===null||this._getPointerId(t)===e}};var Re=class extends bt{constructor(t={}){super({enable:!0,event:"tap",pointers:1,taps:1,interval:300,time:250,threshold:9,posThreshold:10,...t}),this.pTime=null,this.pCenter=null,this._timer=null,this._input=null,this.count=0}getTouchAction(){return[Le]}process(t){let{options:e}=this,i=t.pointers.length===e.pointers,r=t.distance<e.threshold,o=t.deltaTime<e.time;if(this.reset(),t.eventType&A.Start&&this.count===0)return this.failTimeout();if(r&&o&&i){if(t.eventType!==A.End)return this.failTimeout();let s=this.pTime?t.timeStamp-this.pTime<e.interval:!0,a=!this.pCenter||nn(this.pCenter,t.center)<e.posThreshold;if(this.pTime=t.timeStamp,this.pCenter=t.center,!a||!s?this.count=1:this.count+=1,this._input=t,this.count%e.taps===0)return this.hasRequireFailures()?(this._timer=setTimeout(()=>{this.state=E.Recognized,this.tryEmit(this._input)},e.interval),E.Began):E.Recognized}return E.Failed}failTimeout(){return this._timer=setTimeout(()=>{this.state=E.Failed},this.options.interval),E.Failed}reset(){clearTimeout(this._timer)}emit(t){this.state===E.Recognized&&(t.tapCount=this.count,this.manager.emit(this.options.event,t))}};var sn=class extends Ie{constructor(){super(...arguments),this.wheelSession=null,this.wheelSessionUnsubscribe=null,this.handleWheelSessionEvent=t=>{t.device==="trackpad"&&this.handleTrackpadEvent(t)}}set(t){let{wheelSession:e,...i}=t;return e&&e!==this.wheelSession&&(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=null,this.wheelSession=e),super.set(i),this.updateWheelSessionSubscription(),this}getTrackpadInput(t,e={}){let{srcEvent:i}=t,r=e.deltaX??t.deltaX,o=e.deltaY??t.deltaY,s=rn(r,o),a=Math.sqrt(t.deltaX*t.deltaX+t.deltaY*t.deltaY),c=i;return{pointers:[c,c],changedPointers:[c,c],pointerType:"trackpad",srcEvent:c,eventType:t.eventType,timeStamp:t.timeStamp,deltaTime:t.deltaTime,center:t.center,deltaX:r,deltaY:o,angle:Math.atan2(o,r)*180/Math.PI,distance:Math.sqrt(r*r+o*o),distancePerPointer:[a,a],movementDeltaTime:t.deltaTime,scale:1,rotation:0,direction:s,offsetDirection:s,velocity:t.velocity,velocityX:t.velocityX,velocityY:t.velocityY,overallVelocity:t.overallVelocity,overallVelocityX:t.overallVelocityX,overallVelocityY:t.overallVelocityY,maxPointers:2,target:i.target||this.manager.element,additionalEvent:"",...e}}updateWheelSessionSubscription(){let t=!!(this.wheelSession&&this.options.enable&&this.options.trackpad&&this.options.pointers===2);t&&!this.wheelSessionUnsubscribe?this.wheelSessionUnsubscribe=this.wheelSession.on(this.handleWheelSessionEvent):!t&&this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe(),this.wheelSessionUnsubscribe=null)}};var py=["","start","move","end","cancel","up","down","left","right"],ue=class extends sn{constructor(t={}){super({enable:!0,pointers:1,event:"pan",threshold:10,direction:F.All,trackpad:!1,coherent:[],...t}),this.trackpadGesture=!1,this.pX=null,this.pY=null}getTouchAction(){let{options:{direction:t}}=this,e=[];return t&F.Horizontal&&e.push(Kn),t&F.Vertical&&e.push(Xn),e}getEventNames(){return py.map(t=>this.options.event+t)}directionTest(t){let{options:e}=this,i=!0,{distance:r}=t,{direction:o}=t,s=t.deltaX,a=t.deltaY;return o&e.direction||(e.direction&F.Horizontal?(o=s===0?F.None:s<0?F.Left:F.Right,i=s!==this.pX,r=Math.abs(t.deltaX)):(o=a===0?F.None:a<0?F.Up:F.Down,i=a!==this.pY,r=Math.abs(t.deltaY))),t.direction=o,i&&r>e.threshold&&!!(o&e.direction)}attrTest(t){let e=!!(this.state&E.Began),i=!(this.options.coherent?.length&&t.eventType&(A.End|A.Cancel));return super.attrTest(t)&&(e||i&&this.coherentTest(t)&&this.directionTest(t))}emit(t){this.pX=t.deltaX,this.pY=t.deltaY;let e=F[t.direction].toLowerCase();e&&(t.additionalEvent=this.options.event+e),super.emit(t)}handleTrackpadEvent(t){t.isFirst&&(this.trackpadGesture=!t.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(t,{deltaX:-t.deltaX,deltaY:-t.deltaY,velocity:-t.velocity,velocityX:-t.velocityX,velocityY:-t.velocityY,overallVelocity:-t.overallVelocity,overallVelocityX:-t.overallVelocityX,overallVelocityY:-t.overallVelocityY})),t.isFinal&&(this.trackpadGesture=!1))}};var gy=["","start","move","end","cancel","in","out"],an=class extends sn{constructor(t={}){super({enable:!0,event:"pinch",threshold:0,pointers:2,trackpad:!1,coherent:[],...t}),this.trackpadGesture=!1}getTouchAction(){return[Ae]}getEventNames(){return gy.map(t=>this.options.event+t)}attrTest(t){let e=!!this.options.coherent?.length,i=!!(this.state&E.Began),r=!(e&&t.eventType&(A.End|A.Cancel));return super.attrTest(t)&&(i||r&&(e?this.coherentTest(t):Math.abs(t.scale-1)>this.options.threshold))}emit(t){if(t.scale!==1){let e=t.scale<1?"in":"out";t.additionalEvent=this.options.event+e}super.emit(t)}handleTrackpadEvent(t){t.isFirst&&(this.trackpadGesture=t.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(t,{deltaX:0,deltaY:0,velocity:0,velocityX:0,velocityY:0,overallVelocity:0,overallVelocityX:0,overallVelocityY:0,scale:Math.exp(-t.deltaY/100)})),t.isFinal&&(this.trackpadGesture=!1))}};var jt=class{constructor(t,e,i){this.element=t,this.callback=e,this.options=i}listen(t,e){e?this.element.addEventListener(t,this.handleEvent,{passive:!1}):this.element.removeEventListener(t,this.handleEvent)}};var hh=typeof navigator<"u"&&navigator.userAgent?navigator.userAgent.toLowerCase():"";var vy=hh.indexOf("firefox")!==-1,_y=40,Py=.25,Kr=class extends jt{constructor(t,e,i){i.enable=i.enable??!1,super(t,e,i),this.handleEvent=r=>{if(!this.options.enable)return;let o=r.deltaY;globalThis.WheelEvent&&(vy&&r.deltaMode===globalThis.WheelEvent.DOM_DELTA_PIXEL&&(o/=globalThis.devicePixelRatio),r.deltaMode===globalThis.WheelEvent.DOM_DELTA_LINE&&(o*=_y)),r.shiftKey&&o&&(o=o*Py),this.callback({type:"wheel",center:{x:r.clientX,y:r.clientY},delta:-o,device:this.options.wheelSession?.device??"unknown",srcEvent:r,pointerType:"mouse",target:r.target})},i.enable&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{}),this.listen("wheel",!0))}destroy(){this.listen("wheel",!1),this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0}enableEventType(t,e){t==="wheel"&&this.options.enable!==e&&(this.options.enable=e,e&&!this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{})),this.listen("wheel",e),e||(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0))}};var wy=4.000244140625,uh=40,by=0,Ey=1,My=40,dh=40,Sy=120,Cy={classificationDelay:32,endDelay:80},Jr=class{constructor(t,e={}){this.subscriptions=new Map,this.session=null,this.classificationTimer=null,this.endTimer=null,this.pressedControlKeys=new Set,this.listeningForControlKeys=!1,this.handleEvent=i=>{if(!this.hasSubscribers)return"unknown";let r=Ly(i,this.pressedControlKeys.size>0),o=this.session;if(o&&r.timeStamp-o.lastTimeStamp>=this.options.endDelay){if(this.end(),!this.hasSubscribers)return"unknown";o=null}o?(this.scheduleEnd(),this.addSample(o,r)):(o=this.startPendingSession(r),this.scheduleEnd());let{device:s}=o;return s==="unknown"&&(s=Oa(o.samples,!1),s!=="unknown"&&this.begin(o,s)),s},this.finishClassification=()=>{if(this.classificationTimer=null,!this.session||this.session.device!=="unknown")return;let i=this.session,r=Oa(i.samples,!0);this.begin(i,r==="unknown"?"mouse":r)},this.end=()=>{if(!this.session)return;if(this.session.device==="unknown"){let r=this.session,o=Oa(r.samples,!0);this.begin(r,o==="unknown"?"mouse":o)}if(!this.session)return;let i=this.session;this.emit(A.End,i.lastEvent),this.reset()},this.handleKeyDown=i=>{i.key==="Control"&&this.pressedControlKeys.add(i.code||i.key)},this.handleKeyUp=i=>{i.key==="Control"&&(i.code?this.pressedControlKeys.delete(i.code):this.pressedControlKeys.clear())},this.handleWindowBlur=()=>{this.pressedControlKeys.clear()},this.element=t,this.options={...Cy,...e},this.element?.addEventListener("wheel",this.handleEvent,{passive:!0})}get hasSubscribers(){return this.subscriptions.size>0}get device(){return this.session?.device??"unknown"}on(t){let e={listener:t};return this.subscriptions.set(t,e),this.updateControlKeyEventListeners(),()=>{this.subscriptions.get(t)===e&&this.off(t)}}off(t){this.subscriptions.delete(t),this.updateControlKeyEventListeners(),this.hasSubscribers||this.reset()}cancel(){let t=this.session;t&&t.device!=="unknown"&&this.emit(A.Cancel,t.lastEvent),this.reset()}destroy(){this.cancel(),this.subscriptions.clear(),this.updateControlKeyEventListeners(),this.element?.removeEventListener("wheel",this.handleEvent)}startPendingSession(t){let e={samples:[t],device:"unknown",firstTimeStamp:t.timeStamp,lastTimeStamp:t.timeStamp,totalDeltaX:t.deltaX,totalDeltaY:t.deltaY,velocityX:0,velocityY:0,lastEvent:t.event};return this.session=e,this.classificationTimer=globalThis.setTimeout(this.finishClassification,this.options.classificationDelay),e}addSample(t,e){if(t.samples.push(e),t.lastTimeStamp=e.timeStamp,t.lastEvent=e.event,t.totalDeltaX+=e.deltaX,t.totalDeltaY+=e.deltaY,t.device!=="unknown"){let i=t.samples[t.samples.length-2],r=e.timeStamp-i.timeStamp;t.velocityX=r>0?e.deltaX/r:0,t.velocityY=r>0?e.deltaY/r:0,this.emit(A.Move,e.event,{velocityX:t.velocityX,velocityY:t.velocityY})}}begin(t,e){t.device=e,this.clearClassificationTimer(),this.emit(A.Start,t.samples[0].event);let i=t.lastTimeStamp-t.firstTimeStamp;t.velocityX=i>0?t.totalDeltaX/i:0,t.velocityY=i>0?t.totalDeltaY/i:0,this.emit(A.Move,t.lastEvent,{velocityX:t.velocityX,velocityY:t.velocityY})}scheduleEnd(){this.clearEndTimer(),this.endTimer=globalThis.setTimeout(this.end,this.options.endDelay)}emit(t,e,i){let r=this.session;if(!r||r.device==="unknown")return;let o=t===A.Start,s=t===A.End||t===A.Cancel,a=o?r.firstTimeStamp:r.lastTimeStamp,c=o?0:Math.max(0,a-r.firstTimeStamp),l=o?0:r.totalDeltaX,f=o?0:r.totalDeltaY,h=c>0?l/c:0,u=c>0?f/c:0,d=o?0:i?.velocityX??r.velocityX,p=o?0:i?.velocityY??r.velocityY,g={eventType:t,device:r.device,srcEvent:e,timeStamp:a,center:{x:e.clientX,y:e.clientY},deltaX:l,deltaY:f,deltaTime:c,velocity:Math.abs(d)>Math.abs(p)?d:p,velocityX:d,velocityY:p,overallVelocity:Math.abs(h)>Math.abs(u)?h:u,overallVelocityX:h,overallVelocityY:u,isFirst:o,isFinal:s};for(let{listener:m}of[...this.subscriptions.values()])m(g)}reset(){this.clearClassificationTimer(),this.clearEndTimer(),this.session=null}clearClassificationTimer(){this.classificationTimer!==null&&(globalThis.clearTimeout(this.classificationTimer),this.classificationTimer=null)}clearEndTimer(){this.endTimer!==null&&(globalThis.clearTimeout(this.endTimer),this.endTimer=null)}updateControlKeyEventListeners(){let t=this.hasSubscribers,e=Ty();!e||t===this.listeningForControlKeys||(this.listeningForControlKeys=t,t?(e.addEventListener("keydown",this.handleKeyDown,!0),e.addEventListener("keyup",this.handleKeyUp,!0),e.addEventListener("blur",this.handleWindowBlur)):(e.removeEventListener("keydown",this.handleKeyDown,!0),e.removeEventListener("keyup",this.handleKeyUp,!0),e.removeEventListener("blur",this.handleWindowBlur),this.pressedControlKeys.clear()))}};function Ty(){return typeof window<"u"?window:globalThis.document?.defaultView}function Ly(n,t){let e=n.deltaX,i=n.deltaY;return n.deltaMode===Ey&&(e*=uh,i*=uh),{event:n,timeStamp:n.timeStamp,deltaX:e,deltaY:i,isControlKeyDown:t}}function Oa(n,t){return n.some(({event:e,isControlKeyDown:i})=>e.ctrlKey&&!i)?"trackpad":n.some(({event:e})=>e.deltaMode!==by)||n.some(Ay)||n.every(({event:e})=>{let i=e.wheelDelta;return i!==void 0&&Math.abs(i)%40===0})?"mouse":n.some(({deltaX:e})=>e!==0)||n.length>1&&Iy(n)?"trackpad":t?"mouse":"unknown"}function Ay({event:n,deltaX:t,deltaY:e}){if(t!==0||e===0)return!1;let i=Math.abs(e/wy);if(Number.isInteger(i))return!0;let r=n.wheelDelta;return typeof r=="number"&&r!==0&&r%Sy===0}function Iy(n){for(let t=0;t<n.length;t++){let e=n[t];if(Math.abs(e.deltaX)>dh||Math.abs(e.deltaY)>dh||t>0&&e.timeStamp-n[t-1].timeStamp>My)return!1}return!0}var ph=["mousedown","mousemove","mouseup","mouseover","mouseout","mouseenter","mouseleave"],Qr=class extends jt{constructor(t,e,i){super(t,e,{enable:!0,...i}),this.handleEvent=o=>{this.handleOverEvent(o),this.handleOutEvent(o),this.handleEnterEvent(o),this.handleLeaveEvent(o),this.handleMoveEvent(o)},this.pressed=!1;let{enable:r=!1}=this.options;this.enableMoveEvent=r,this.enableLeaveEvent=r,this.enableEnterEvent=r,this.enableOutEvent=r,this.enableOverEvent=r,r&&ph.forEach(o=>this.listen(o,!0))}destroy(){ph.forEach(t=>this.listen(t,!1))}enableEventType(t,e){switch(t){case"pointermove":this.enableMoveEvent!==e&&(this.enableMoveEvent=e,this.listen("mousedown",e),this.listen("mousemove",e),this.listen("mouseup",e));break;case"pointerover":this.enableOverEvent!==e&&(this.enableOverEvent=e,this.listen("mouseover",e));break;case"pointerout":this.enableOutEvent!==e&&(this.enableOutEvent=e,this.listen("mouseout",e));break;case"pointerenter":this.enableEnterEvent!==e&&(this.enableEnterEvent=e,this.listen("mouseenter",e));break;case"pointerleave":this.enableLeaveEvent!==e&&(this.enableLeaveEvent=e,this.listen("mouseleave",e));break;default:}}handleOverEvent(t){this.enableOverEvent&&t.type==="mouseover"&&this._emit("pointerover",t)}handleOutEvent(t){this.enableOutEvent&&t.type==="mouseout"&&this._emit("pointerout",t)}handleEnterEvent(t){this.enableEnterEvent&&t.type==="mouseenter"&&this._emit("pointerenter",t)}handleLeaveEvent(t){this.enableLeaveEvent&&t.type==="mouseleave"&&this._emit("pointerleave",t)}handleMoveEvent(t){if(this.enableMoveEvent)switch(t.type){case"mousedown":t.button>=0&&(this.pressed=!0);break;case"mousemove":t.buttons===0&&(this.pressed=!1),this.pressed||this._emit("pointermove",t);break;case"mouseup":this.pressed=!1;break;default:}}_emit(t,e){this.callback({type:t,center:{x:e.clientX,y:e.clientY},srcEvent:e,pointerType:"mouse",target:e.target})}};var gh=["keydown","keyup"],to=class extends jt{constructor(t,e,i){super(t,e,{enable:!0,tabIndex:0,...i}),this.handleEvent=o=>{let s=o.target||o.srcElement;s.tagName==="INPUT"&&s.type==="text"||s.tagName==="TEXTAREA"||(this.enableDownEvent&&o.type==="keydown"&&this.callback({type:"keydown",srcEvent:o,key:o.key,target:o.target}),this.enableUpEvent&&o.type==="keyup"&&this.callback({type:"keyup",srcEvent:o,key:o.key,target:o.target}))};let{enable:r=!1}=this.options;this.enableDownEvent=r,this.enableUpEvent=r,t.tabIndex=this.options.tabIndex,t.style.outline="none",r&&gh.forEach(o=>this.listen(o,!0))}destroy(){gh.forEach(t=>this.listen(t,!1))}enableEventType(t,e){t==="keydown"&&this.enableDownEvent!==e&&(this.enableDownEvent=e,this.listen(t,e)),t==="keyup"&&this.enableUpEvent!==e&&(this.enableUpEvent=e,this.listen(t,e))}};var eo=class extends jt{constructor(t,e,i){i.enable=i.enable??!1,super(t,e,i),this.handleEvent=r=>{this.options.enable&&this.callback({type:"contextmenu",center:{x:r.clientX,y:r.clientY},srcEvent:r,pointerType:"mouse",target:r.target})},i.enable&&this.listen("contextmenu",!0)}destroy(){this.listen("contextmenu",!1)}enableEventType(t,e){t==="contextmenu"&&this.options.enable!==e&&(this.options.enable=e,this.listen("contextmenu",e))}};var Ry={pointerdown:1,pointermove:2,pointerup:4,mousedown:1,mousemove:2,mouseup:4},Oy=0,ky=1,Dy=2,zy=1,Ny=2,By=4;function mh(n){let t=Ry[n.srcEvent.type];if(!t)return null;let{buttons:e,button:i}=n.srcEvent,r=!1,o=!1,s=!1;return t===2?(r=!!(e&zy),o=!!(e&By),s=!!(e&Ny)):(r=i===Oy,o=i===ky,s=i===Dy),{leftButton:r,middleButton:o,rightButton:s}}function yh(n,t){let e=n.center;if(!e)return null;let i=t.getBoundingClientRect(),r=i.width/t.offsetWidth||1,o=i.height/t.offsetHeight||1,s={x:(e.x-i.left-t.clientLeft)/r,y:(e.y-i.top-t.clientTop)/o};return{center:e,offsetCenter:s}}var jy={srcElement:"root",priority:0},no=class{constructor(t,e){this.handleEvent=i=>{if(this.isEmpty())return;let r=this._normalizeEvent(i),o=i.srcEvent.target;for(;o&&o!==r.rootElement;){if(this._emit(r,o),r.handled)return;o=o.parentNode}this._emit(r,"root")},this.eventManager=t,this.recognizerName=e,this.handlers=[],this.handlersByElement=new Map,this._active=!1}isEmpty(){return!this._active}add(t,e,i,r=!1,o=!1){let{handlers:s,handlersByElement:a}=this,c={...jy,...i},l=a.get(c.srcElement);l||(l=[],a.set(c.srcElement,l));let f={type:t,handler:e,srcElement:c.srcElement,priority:c.priority};r&&(f.once=!0),o&&(f.passive=!0),s.push(f),this._active=this._active||!f.passive;let h=l.length-1;for(;h>=0&&!(l[h].priority>=f.priority);)h--;l.splice(h+1,0,f)}remove(t,e){let{handlers:i,handlersByElement:r}=this;for(let o=i.length-1;o>=0;o--){let s=i[o];if(s.type===t&&s.handler===e){i.splice(o,1);let a=r.get(s.srcElement);a.splice(a.indexOf(s),1),a.length===0&&r.delete(s.srcElement)}}this._active=i.some(o=>!o.passive)}_emit(t,e){let i=this.handlersByElement.get(e);if(i){let r=!1,o=()=>{t.handled=!0},s=()=>{t.handled=!0,r=!0},a=[];for(let c=0;c<i.length;c++){let{type:l,handler:f,once:h}=i[c];if(f({...t,type:l,stopPropagation:o,stopImmediatePropagation:s}),h&&a.push(i[c]),r)break}for(let c=0;c<a.length;c++){let{type:l,handler:f}=a[c];this.remove(l,f)}}}_normalizeEvent(t){let e=this.eventManager.getElement();return{...t,...mh(t),...yh(t,e),preventDefault:()=>{t.srcEvent.preventDefault()},stopImmediatePropagation:null,stopPropagation:null,handled:!1,rootElement:e}}};function Vy(n){if("recognizer"in n)return n;let t,e=Array.isArray(n)?[...n]:[n];if(typeof e[0]=="function"){let i=e.shift(),r=e.shift()||{};t=new i(r)}else t=e.shift();return{recognizer:t,recognizeWith:typeof e[0]=="string"?[e[0]]:e[0],requireFailure:typeof e[1]=="string"?[e[1]]:e[1]}}var ii=class{constructor(t=null,e={}){if(this._onBasicInput=i=>{this.manager.emit(i.srcEvent.type,i)},this._onOtherEvent=i=>{this.manager.emit(i.type,i)},this.options={recognizers:[],events:{},touchAction:"compute",tabIndex:0,cssProps:{},...e},this.events=new Map,this.element=t,this.wheelSession=new Jr(t),!!t){this.manager=new ni(t,this.options);for(let i of this.options.recognizers){let{recognizer:r,recognizeWith:o,requireFailure:s}=Vy(i);this.manager.add(r),o&&r.recognizeWith(o),s&&r.requireFailure(s)}this.manager.on("hammer.input",this._onBasicInput),this.wheelInput=new Kr(t,this._onOtherEvent,{enable:!1,wheelSession:this.wheelSession}),this.moveInput=new Qr(t,this._onOtherEvent,{enable:!1}),this.keyInput=new to(t,this._onOtherEvent,{enable:!1,tabIndex:e.tabIndex}),this.contextmenuInput=new eo(t,this._onOtherEvent,{enable:!1}),this.on(this.options.events)}}getElement(){return this.element}destroy(){if(!this.element){this.wheelSession.destroy();return}this.wheelInput.destroy(),this.wheelSession.destroy(),this.moveInput.destroy(),this.keyInput.destroy(),this.contextmenuInput.destroy(),this.manager.destroy()}on(t,e,i){this._addEventHandler(t,e,i,!1)}once(t,e,i){this._addEventHandler(t,e,i,!0)}watch(t,e,i){this._addEventHandler(t,e,i,!1,!0)}off(t,e){this._removeEventHandler(t,e)}emit(t){this.manager?.emit(t.type,t)}_toggleRecognizer(t,e){let{manager:i}=this;if(!i)return;let r=i.get(t);r&&(r.set({enable:e,wheelSession:this.wheelSession}),i.touchAction.update()),this.wheelInput?.enableEventType(t,e),this.moveInput?.enableEventType(t,e),this.keyInput?.enableEventType(t,e),this.contextmenuInput?.enableEventType(t,e)}_addEventHandler(t,e,i,r,o){if(typeof t!="string"){i=e;for(let[l,f]of Object.entries(t))this._addEventHandler(l,f,i,r,o);return}let{manager:s,events:a}=this;if(!s)return;let c=a.get(t);if(!c){let l=this._getRecognizerName(t)||t;c=new no(this,l),a.set(t,c),s&&s.on(t,c.handleEvent)}c.add(t,e,i,r,o),c.isEmpty()||this._toggleRecognizer(c.recognizerName,!0)}_removeEventHandler(t,e){if(typeof t!="string"){for(let[o,s]of Object.entries(t))this._removeEventHandler(o,s);return}let{events:i}=this,r=i.get(t);if(r&&(r.remove(t,e),r.isEmpty())){let{recognizerName:o}=r,s=!1;for(let a of i.values())if(a.recognizerName===o&&!a.isEmpty()){s=!0;break}s||this._toggleRecognizer(o,!1)}}_getRecognizerName(t){return this.manager.recognizers.find(e=>e.getEventNames().includes(t))?.options.event}};var ka={DEFAULT:"default",LNGLAT:"lnglat",METER_OFFSETS:"meter-offsets",LNGLAT_OFFSETS:"lnglat-offsets",CARTESIAN:"cartesian"};Object.defineProperty(ka,"IDENTITY",{get:()=>(I.deprecated("COORDINATE_SYSTEM.IDENTITY","COORDINATE_SYSTEM.CARTESIAN")(),ka.CARTESIAN)});var H={WEB_MERCATOR:1,GLOBE:2,WEB_MERCATOR_AUTO_OFFSET:4,IDENTITY:0},rt={common:0,meters:1,pixels:2},cn={click:"onClick",dblclick:"onClick",panstart:"onDragStart",panmove:"onDrag",panend:"onDragEnd"},Da={multipan:[ue,{threshold:10,pointers:2,trackpad:!0}],pinch:[an,{trackpad:!0},null,["multipan"]],pan:[ue,{threshold:1},["pinch"],["multipan"]],dblclick:[Re,{event:"dblclick",taps:2,enable:!1}],dblclickdrag:[on,{event:"dblclickdrag",enable:!1},["dblclick"],null],click:[Re,{event:"click"},["dblclickdrag"],["dblclick","dblclickdrag"]]};function Fy(n,t){if(n===t)return!0;if(Array.isArray(n)){let e=n.length;if(!t||t.length!==e)return!1;for(let i=0;i<e;i++)if(n[i]!==t[i])return!1;return!0}return!1}function Vt(n){let t={},e;return i=>{for(let r in i)if(!Fy(i[r],t[r])){e=n(i),t=i;break}return e}}var xh=[0,0,0,0],Uy=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0],vh=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1],Gy=[0,0,0],_h=[0,0,0],Wy={default:-1,cartesian:0,lnglat:1,"meter-offsets":2,"lnglat-offsets":3};function Oe(n){let t=Wy[n];if(t===void 0)throw new Error(`Invalid coordinateSystem: ${n}`);return t}var Yy=Vt(Hy);function za(n,t,e=_h){e.length<3&&(e=[e[0],e[1],0]);let i=e,r,o=!0;switch(t==="lnglat-offsets"||t==="meter-offsets"?r=e:r=n.isGeospatial?[Math.fround(n.longitude),Math.fround(n.latitude),0]:null,n.projectionMode){case H.WEB_MERCATOR:(t==="lnglat"||t==="cartesian")&&(r=[0,0,0],o=!1);break;case H.WEB_MERCATOR_AUTO_OFFSET:t==="lnglat"?i=r:t==="cartesian"&&(i=[Math.fround(n.center[0]),Math.fround(n.center[1]),0],r=n.unprojectPosition(i),i[0]-=e[0],i[1]-=e[1],i[2]-=e[2]);break;case H.IDENTITY:i=n.position.map(Math.fround),i[2]=i[2]||0;break;case H.GLOBE:o=!1,r=null;break;default:o=!1}return{geospatialOrigin:r,shaderCoordinateOrigin:i,offsetMode:o}}function $y(n,t,e){let{viewMatrixUncentered:i,projectionMatrix:r}=n,{viewMatrix:o,viewProjectionMatrix:s}=n,a=xh,c=xh,l=n.cameraPosition,{geospatialOrigin:f,shaderCoordinateOrigin:h,offsetMode:u}=za(n,t,e);return u&&(c=n.projectPosition(f||h),l=[l[0]-c[0],l[1]-c[1],l[2]-c[2]],c[3]=1,a=it.transformMat4([],c,s),o=i||o,s=q.multiply([],r,o),s=q.multiply([],s,Uy)),{viewMatrix:o,viewProjectionMatrix:s,projectionCenter:a,originCommon:c,cameraPosCommon:l,shaderCoordinateOrigin:h,geospatialOrigin:f}}function Ph({viewport:n,devicePixelRatio:t=1,modelMatrix:e=null,coordinateSystem:i="default",coordinateOrigin:r=_h,autoWrapLongitude:o=!1}){i==="default"&&(i=n.isGeospatial?"lnglat":"cartesian");let s=Yy({viewport:n,devicePixelRatio:t,coordinateSystem:i,coordinateOrigin:r});return s.wrapLongitude=o,s.modelMatrix=e||vh,s}function Hy({viewport:n,devicePixelRatio:t,coordinateSystem:e,coordinateOrigin:i}){let{projectionCenter:r,viewProjectionMatrix:o,originCommon:s,cameraPosCommon:a,shaderCoordinateOrigin:c,geospatialOrigin:l}=$y(n,e,i),f=n.getDistanceScales(),h=[n.width*t,n.height*t],u=it.transformMat4([],[0,0,-n.focalDistance,1],n.projectionMatrix)[3]||1,d={coordinateSystem:Oe(e),projectionMode:n.projectionMode,coordinateOrigin:c,commonOrigin:s.slice(0,3),center:r,pseudoMeters:!!n._pseudoMeters,viewportSize:h,devicePixelRatio:t,focalDistance:u,commonUnitsPerMeter:f.unitsPerMeter,commonUnitsPerWorldUnit:f.unitsPerMeter,commonUnitsPerWorldUnit2:Gy,scale:n.scale,wrapLongitude:!1,viewProjectionMatrix:o,modelMatrix:vh,cameraPosition:a};if(l){let p=n.getDistanceScales(l);switch(e){case"meter-offsets":d.commonUnitsPerWorldUnit=p.unitsPerMeter,d.commonUnitsPerWorldUnit2=p.unitsPerMeter2;break;case"lnglat":case"lnglat-offsets":n._pseudoMeters||(d.commonUnitsPerMeter=p.unitsPerMeter),d.commonUnitsPerWorldUnit=p.unitsPerDegree,d.commonUnitsPerWorldUnit2=p.unitsPerDegree2;break;case"cartesian":d.commonUnitsPerWorldUnit=[1,1,p.unitsPerMeter[2]],d.commonUnitsPerWorldUnit2=[0,0,p.unitsPerMeter2[2]];break;default:break}}if(n.projectionMode===H.GLOBE&&e==="meter-offsets"){let m=i[0]*Math.PI/180,v=i[1]*Math.PI/180,_=Math.cos(v),y=((i[2]||0)/6370972+1)*256;d.commonOrigin=[Math.sin(m)*_*y,-Math.cos(m)*_*y,Math.sin(v)*y]}return d}var Zy=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],qy=Zy.map(n=>`const COORDINATE_SYSTEM_${n.toUpperCase().replaceAll("-","_")}: i32 = ${Oe(n)};`).join(""),Xy=Object.keys(H).map(n=>`const PROJECTION_MODE_${n}: i32 = ${H[n]};`).join(""),Ky=Object.keys(rt).map(n=>`const UNIT_${n.toUpperCase()}: i32 = ${rt[n]};`).join(""),Jy=`${qy}
${Xy}
${Ky}

const TILE_SIZE: f32 = 512.0;
const PI: f32 = 3.1415926536;
const WORLD_SCALE: f32 = TILE_SIZE / (PI * 2.0);
const ZERO_64_LOW: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);
const EARTH_RADIUS: f32 = 6370972.0; // meters
const GLOBE_RADIUS: f32 = 256.0;

// -----------------------------------------------------------------------------
// Uniform block (converted from GLSL uniform block)
// -----------------------------------------------------------------------------
struct ProjectUniforms {
  wrapLongitude: i32,
  coordinateSystem: i32,
  commonUnitsPerMeter: vec3<f32>,
  projectionMode: i32,
  scale: f32,
  commonUnitsPerWorldUnit: vec3<f32>,
  commonUnitsPerWorldUnit2: vec3<f32>,
  center: vec4<f32>,
  modelMatrix: mat4x4<f32>,
  viewProjectionMatrix: mat4x4<f32>,
  viewportSize: vec2<f32>,
  devicePixelRatio: f32,
  focalDistance: f32,
  cameraPosition: vec3<f32>,
  coordinateOrigin: vec3<f32>,
  commonOrigin: vec3<f32>,
  pseudoMeters: i32,
};

@group(0) @binding(auto)
var<uniform> project: ProjectUniforms;

// -----------------------------------------------------------------------------
// Geometry data shared across the project helpers.
// The active layer shader is responsible for populating this private module
// state before calling the project functions below.
// -----------------------------------------------------------------------------

// Structure to carry additional geometry data used by deck.gl filters.
struct Geometry {
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  position: vec4<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry: Geometry;
`,wh=`${Jy}

// -----------------------------------------------------------------------------
// Functions
// -----------------------------------------------------------------------------

// Returns an adjustment factor for commonUnitsPerMeter
fn _project_size_at_latitude(lat: f32) -> f32 {
  let y = clamp(lat, -89.9, 89.9);
  return 1.0 / cos(radians(y));
}

// Overloaded version: scales a value in meters at a given latitude.
fn _project_size_at_latitude_m(meters: f32, lat: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * _project_size_at_latitude(lat);
}

// Computes a non-linear scale factor based on geometry.
// (Note: This function relies on "geometry" being provided.)
fn project_size() -> f32 {
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
      project.pseudoMeters == 0) {
    if (geometry.position.w == 0.0) {
      return _project_size_at_latitude(geometry.worldPosition.y);
    }
    let y: f32 = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
    let y2 = y * y;
    let y4 = y2 * y2;
    let y6 = y4 * y2;
    return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
  }
  return 1.0;
}

// Overloads to scale offsets (meters to world units)
fn project_size_float(meters: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * project_size();
}

fn project_size_vec2(meters: vec2<f32>) -> vec2<f32> {
  return meters * project.commonUnitsPerMeter.xy * project_size();
}

fn project_size_vec3(meters: vec3<f32>) -> vec3<f32> {
  return meters * project.commonUnitsPerMeter * project_size();
}

fn project_size_vec4(meters: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(meters.xyz * project.commonUnitsPerMeter, meters.w);
}

// Returns a rotation matrix aligning the z\u2011axis with the given up vector.
fn project_get_orientation_matrix(up: vec3<f32>) -> mat3x3<f32> {
  let uz = normalize(up);
  let ux = select(
    vec3<f32>(1.0, 0.0, 0.0),
    normalize(vec3<f32>(uz.y, -uz.x, 0.0)),
    abs(uz.z) == 1.0
  );
  let uy = cross(uz, ux);
  return mat3x3<f32>(ux, uy, uz);
}

// Since WGSL does not support "out" parameters, we return a struct.
struct RotationResult {
  needsRotation: bool,
  transform: mat3x3<f32>,
};

fn project_needs_rotation(commonPosition: vec3<f32>) -> RotationResult {
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    return RotationResult(true, project_get_orientation_matrix(commonPosition));
  } else {
    return RotationResult(false, mat3x3<f32>());  // identity alternative if needed
  };
}

// Projects a normal vector from the current coordinate system to world space.
fn project_normal(vector: vec3<f32>) -> vec3<f32> {
  let normal_modelspace = project.modelMatrix * vec4<f32>(vector, 0.0);
  var n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
  let rotResult = project_needs_rotation(geometry.position.xyz);
  if (rotResult.needsRotation) {
    n = rotResult.transform * n;
  }
  return n;
}

// Applies a scale offset based on y-offset (dy)
fn project_offset_(offset: vec4<f32>) -> vec4<f32> {
  let dy: f32 = offset.y;
  let commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
  return vec4<f32>(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}

// Projects lng/lat coordinates to a unit tile [0,1]
fn project_mercator_(lnglat: vec2<f32>) -> vec2<f32> {
  var x = lnglat.x;
  if (project.wrapLongitude != 0) {
    x = ((x + 180.0) % 360.0) - 180.0;
  }
  let y = clamp(lnglat.y, -89.9, 89.9);
  return vec2<f32>(
    radians(x) + PI,
    PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
  ) * WORLD_SCALE;
}

// Projects lng/lat/z coordinates for a globe projection.
fn project_globe_(lnglatz: vec3<f32>) -> vec3<f32> {
  let lambda = radians(lnglatz.x);
  let phi = radians(lnglatz.y);
  let cosPhi = cos(phi);
  let D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
  return vec3<f32>(
    sin(lambda) * cosPhi,
    -cos(lambda) * cosPhi,
    sin(phi)
  ) * D;
}

// Projects positions (with an optional 64-bit low part) from the input
// coordinate system to the common space.
fn project_position_vec4_f64(position: vec4<f32>, position64Low: vec3<f32>) -> vec4<f32> {
  var position_world = project.modelMatrix * position;

  // Work around for a Mac+NVIDIA bug:
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_mercator_(position_world.xy),
        _project_size_at_latitude_m(position_world.z, position_world.y),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
      position_world = vec4f(position_world.xyz + project.coordinateOrigin, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_globe_(position_world.xyz),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
      let enuMatrix = project_get_orientation_matrix(project.commonOrigin);
      let metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
      let offsetCommon = (enuMatrix * vec3<f32>(-position_world.x, -position_world.y, position_world.z)) * metersToCommon;
      return vec4<f32>(project.commonOrigin + offsetCommon, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
        return vec4<f32>(
          project_mercator_(position_world.xy) - project.commonOrigin.xy,
          project_size_float(position_world.z),
          position_world.w
        );
      }
    }
  }
  if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
      (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
       (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
        project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
    position_world = vec4f(position_world.xyz - project.coordinateOrigin, position_world.w);
  }

  return project_offset_(position_world) +
         project_offset_(project.modelMatrix * vec4<f32>(position64Low, 0.0));
}

// Overloaded versions for different input types.
fn project_position_vec4_f32(position: vec4<f32>) -> vec4<f32> {
  return project_position_vec4_f64(position, ZERO_64_LOW);
}

fn project_position_vec3_f64(position: vec3<f32>, position64Low: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), position64Low);
  return projected_position.xyz;
}

fn project_position_vec3_f32(position: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), ZERO_64_LOW);
  return projected_position.xyz;
}

fn project_position_vec2_f32(position: vec2<f32>) -> vec2<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 0.0, 1.0), ZERO_64_LOW);
  return projected_position.xy;
}

// Transforms a common space position to clip space.
fn project_common_position_to_clipspace_with_projection(position: vec4<f32>, viewProjectionMatrix: mat4x4<f32>, center: vec4<f32>) -> vec4<f32> {
  var clipPosition = viewProjectionMatrix * position + center;
  // deck.gl projection matrices use WebGL's [-w, w] depth range; WebGPU clips z to [0, w].
  clipPosition.z = (clipPosition.z + clipPosition.w) * 0.5;
  return clipPosition;
}

// Uses the project viewProjectionMatrix and center.
fn project_common_position_to_clipspace(position: vec4<f32>) -> vec4<f32> {
  return project_common_position_to_clipspace_with_projection(position, project.viewProjectionMatrix, project.center);
}

// Returns a clip space offset corresponding to a given number of screen pixels.
fn project_pixel_size_to_clipspace(pixels: vec2<f32>) -> vec2<f32> {
  let offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
  return offset * project.focalDistance;
}

fn project_meter_size_to_pixel(meters: f32) -> f32 {
  return project_size_float(meters) * project.scale;
}

fn project_unit_size_to_pixel(size: f32, unit: i32) -> f32 {
  if (unit == UNIT_METERS) {
    return project_meter_size_to_pixel(size);
  } else if (unit == UNIT_COMMON) {
    return size * project.scale;
  }
  // UNIT_PIXELS: no scaling applied.
  return size;
}

fn project_pixel_size_float(pixels: f32) -> f32 {
  return pixels / project.scale;
}

fn project_pixel_size_vec2(pixels: vec2<f32>) -> vec2<f32> {
  return pixels / project.scale;
}
`;var Qy=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],tx=Qy.map(n=>`const int COORDINATE_SYSTEM_${n.toUpperCase().replaceAll("-","_")} = ${Oe(n)};`).join(""),ex=Object.keys(H).map(n=>`const int PROJECTION_MODE_${n} = ${H[n]};`).join(""),nx=Object.keys(rt).map(n=>`const int UNIT_${n.toUpperCase()} = ${rt[n]};`).join(""),bh=`${tx}
${ex}
${nx}
layout(std140) uniform projectUniforms {
bool wrapLongitude;
int coordinateSystem;
vec3 commonUnitsPerMeter;
int projectionMode;
float scale;
vec3 commonUnitsPerWorldUnit;
vec3 commonUnitsPerWorldUnit2;
vec4 center;
mat4 modelMatrix;
mat4 viewProjectionMatrix;
vec2 viewportSize;
float devicePixelRatio;
float focalDistance;
vec3 cameraPosition;
vec3 coordinateOrigin;
vec3 commonOrigin;
bool pseudoMeters;
} project;
const float TILE_SIZE = 512.0;
const float PI = 3.1415926536;
const float WORLD_SCALE = TILE_SIZE / (PI * 2.0);
const vec3 ZERO_64_LOW = vec3(0.0);
const float EARTH_RADIUS = 6370972.0;
const float GLOBE_RADIUS = 256.0;
float project_size_at_latitude(float lat) {
float y = clamp(lat, -89.9, 89.9);
return 1.0 / cos(radians(y));
}
float project_size() {
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
project.pseudoMeters == false) {
if (geometry.position.w == 0.0) {
return project_size_at_latitude(geometry.worldPosition.y);
}
float y = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
float y2 = y * y;
float y4 = y2 * y2;
float y6 = y4 * y2;
return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
}
return 1.0;
}
float project_size_at_latitude(float meters, float lat) {
return meters * project.commonUnitsPerMeter.z * project_size_at_latitude(lat);
}
float project_size(float meters) {
return meters * project.commonUnitsPerMeter.z * project_size();
}
vec2 project_size(vec2 meters) {
return meters * project.commonUnitsPerMeter.xy * project_size();
}
vec3 project_size(vec3 meters) {
return meters * project.commonUnitsPerMeter * project_size();
}
vec4 project_size(vec4 meters) {
return vec4(meters.xyz * project.commonUnitsPerMeter, meters.w);
}
mat3 project_get_orientation_matrix(vec3 up) {
vec3 uz = normalize(up);
vec3 ux = abs(uz.z) == 1.0 ? vec3(1.0, 0.0, 0.0) : normalize(vec3(uz.y, -uz.x, 0));
vec3 uy = cross(uz, ux);
return mat3(ux, uy, uz);
}
bool project_needs_rotation(vec3 commonPosition, out mat3 transform) {
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
transform = project_get_orientation_matrix(commonPosition);
return true;
}
return false;
}
vec3 project_normal(vec3 vector) {
vec4 normal_modelspace = project.modelMatrix * vec4(vector, 0.0);
vec3 n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
mat3 rotation;
if (project_needs_rotation(geometry.position.xyz, rotation)) {
n = rotation * n;
}
return n;
}
vec4 project_offset_(vec4 offset) {
float dy = offset.y;
vec3 commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
return vec4(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}
vec2 project_mercator_(vec2 lnglat) {
float x = lnglat.x;
if (project.wrapLongitude) {
x = mod(x + 180., 360.0) - 180.;
}
float y = clamp(lnglat.y, -89.9, 89.9);
return vec2(
radians(x) + PI,
PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
) * WORLD_SCALE;
}
vec3 project_globe_(vec3 lnglatz) {
float lambda = radians(lnglatz.x);
float phi = radians(lnglatz.y);
float cosPhi = cos(phi);
float D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
return vec3(
sin(lambda) * cosPhi,
-cos(lambda) * cosPhi,
sin(phi)
) * D;
}
vec4 project_position(vec4 position, vec3 position64Low) {
vec4 position_world = project.modelMatrix * position;
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_mercator_(position_world.xy),
project_size_at_latitude(position_world.z, position_world.y),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
position_world.xyz += project.coordinateOrigin;
}
}
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_globe_(position_world.xyz),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
mat3 enuMatrix = project_get_orientation_matrix(project.commonOrigin);
float metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
vec3 offsetCommon = (enuMatrix * vec3(-position_world.xy, position_world.z)) * metersToCommon;
return vec4(project.commonOrigin + offsetCommon, position_world.w);
}
}
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
return vec4(
project_mercator_(position_world.xy) - project.commonOrigin.xy,
project_size(position_world.z),
position_world.w
);
}
}
}
if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
(project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
(project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
position_world.xyz -= project.coordinateOrigin;
}
return project_offset_(position_world) + project_offset_(project.modelMatrix * vec4(position64Low, 0.0));
}
vec4 project_position(vec4 position) {
return project_position(position, ZERO_64_LOW);
}
vec3 project_position(vec3 position, vec3 position64Low) {
vec4 projected_position = project_position(vec4(position, 1.0), position64Low);
return projected_position.xyz;
}
vec3 project_position(vec3 position) {
vec4 projected_position = project_position(vec4(position, 1.0), ZERO_64_LOW);
return projected_position.xyz;
}
vec2 project_position(vec2 position) {
vec4 projected_position = project_position(vec4(position, 0.0, 1.0), ZERO_64_LOW);
return projected_position.xy;
}
vec4 project_common_position_to_clipspace(vec4 position, mat4 viewProjectionMatrix, vec4 center) {
return viewProjectionMatrix * position + center;
}
vec4 project_common_position_to_clipspace(vec4 position) {
return project_common_position_to_clipspace(position, project.viewProjectionMatrix, project.center);
}
vec2 project_pixel_size_to_clipspace(vec2 pixels) {
vec2 offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
return offset * project.focalDistance;
}
float project_size_to_pixel(float meters) {
return project_size(meters) * project.scale;
}
vec2 project_size_to_pixel(vec2 meters) {
return project_size(meters) * project.scale;
}
float project_size_to_pixel(float size, int unit) {
if (unit == UNIT_METERS) return project_size_to_pixel(size);
if (unit == UNIT_COMMON) return size * project.scale;
return size;
}
float project_pixel_size(float pixels) {
return pixels / project.scale;
}
vec2 project_pixel_size(vec2 pixels) {
return pixels / project.scale;
}
`;var ix={};function rx(n=ix){return"viewport"in n?Ph(n):{}}var Zt={name:"project",dependencies:[Fc,$r],source:wh,vs:bh,getUniforms:rx,uniformTypes:{wrapLongitude:"f32",coordinateSystem:"i32",commonUnitsPerMeter:"vec3<f32>",projectionMode:"i32",scale:"f32",commonUnitsPerWorldUnit:"vec3<f32>",commonUnitsPerWorldUnit2:"vec3<f32>",center:"vec4<f32>",modelMatrix:"mat4x4<f32>",viewProjectionMatrix:"mat4x4<f32>",viewportSize:"vec2<f32>",devicePixelRatio:"f32",focalDistance:"f32",cameraPosition:"vec3<f32>",coordinateOrigin:"vec3<f32>",commonOrigin:"vec3<f32>",pseudoMeters:"f32"}};var ox=`// Define a structure to hold both the clip-space position and the common position.
struct ProjectResult {
  clipPosition: vec4<f32>,
  commonPosition: vec4<f32>,
};

// This function mimics the GLSL version with the 'out' parameter by returning both values.
fn project_position_to_clipspace_and_commonspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> ProjectResult {
  // Compute the projected position.
  let projectedPosition: vec3<f32> = project_position_vec3_f64(position, position64Low);

  // Start with the provided offset.
  var finalOffset: vec3<f32> = offset;

  // Get whether a rotation is needed and the rotation matrix.
  let rotationResult = project_needs_rotation(projectedPosition);

  // If rotation is needed, update the offset.
  if (rotationResult.needsRotation) {
    finalOffset = rotationResult.transform * offset;
  }

  // Compute the common position.
  let commonPosition: vec4<f32> = vec4<f32>(projectedPosition + finalOffset, 1.0);

  // Convert to clip-space.
  let clipPosition: vec4<f32> = project_common_position_to_clipspace(commonPosition);

  return ProjectResult(clipPosition, commonPosition);
}

// A convenience overload that returns only the clip-space position.
fn project_position_to_clipspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> vec4<f32> {
  return project_position_to_clipspace_and_commonspace(position, position64Low, offset).clipPosition;
}
`,sx=`vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset, out vec4 commonPosition
) {
  vec3 projectedPosition = project_position(position, position64Low);
  mat3 rotation;
  if (project_needs_rotation(projectedPosition, rotation)) {
    // offset is specified as ENU
    // when in globe projection, rotate offset so that the ground alighs with the surface of the globe
    offset = rotation * offset;
  }
  commonPosition = vec4(projectedPosition + offset, 1.0);
  return project_common_position_to_clipspace(commonPosition);
}

vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset
) {
  vec4 commonPosition;
  return project_position_to_clipspace(position, position64Low, offset, commonPosition);
}
`,Ft={name:"project32",dependencies:[Zt],source:ox,vs:sx};function Na(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function de(n,t){let e=it.transformMat4([],t,n);return it.scale(e,e,1/e[3]),e}function ri(n,t,e){return n<t?t:n>e?e:n}function ax(n){return Math.log(n)*Math.LOG2E}var oi=Math.log2||ax;function Et(n,t){if(!n)throw new Error(t||"@math.gl/web-mercator: assertion failed.")}var Mt=Math.PI,Eh=Mt/4,mt=Mt/180,Ba=180/Mt,ln=512,io=4003e4,ot=85.051129,Mh=1.5;function ja(n){return oi(n)}function st(n){let[t,e]=n;Et(Number.isFinite(t)),Et(Number.isFinite(e)&&e>=-90&&e<=90,"invalid latitude");let i=t*mt,r=e*mt,o=ln*(i+Mt)/(2*Mt),s=ln*(Mt+Math.log(Math.tan(Eh+r*.5)))/(2*Mt);return[o,s]}function ut(n){let[t,e]=n,i=t/ln*(2*Mt)-Mt,r=2*(Math.atan(Math.exp(e/ln*(2*Mt)-Mt))-Eh);return[i*Ba,r*Ba]}function Va(n){let{latitude:t}=n;Et(Number.isFinite(t));let e=Math.cos(t*mt);return ja(io*e)-9}function ke(n){let t=Math.cos(n*mt);return ln/io/t}function fn(n){let{latitude:t,longitude:e,highPrecision:i=!1}=n;Et(Number.isFinite(t)&&Number.isFinite(e));let r=ln,o=Math.cos(t*mt),s=r/360,a=s/o,c=r/io/o,l={unitsPerMeter:[c,c,c],metersPerUnit:[1/c,1/c,1/c],unitsPerDegree:[s,a,c],degreesPerUnit:[1/s,1/a,1/c]};if(i){let f=mt*Math.tan(t*mt)/o,h=s*f/2,u=r/io*f,d=u/a*c;l.unitsPerDegree2=[0,h,u],l.unitsPerMeter2=[d,0,d]}return l}function si(n,t){let[e,i,r]=n,[o,s,a]=t,{unitsPerMeter:c,unitsPerMeter2:l}=fn({longitude:e,latitude:i,highPrecision:!0}),f=st(n);f[0]+=o*(c[0]+l[0]*s),f[1]+=s*(c[1]+l[1]*s);let h=ut(f),u=(r||0)+(a||0);return Number.isFinite(r)||Number.isFinite(a)?[h[0],h[1],u]:h}function ro(n){let{height:t,pitch:e,bearing:i,altitude:r,scale:o,center:s}=n,a=Na();q.translate(a,a,[0,0,-r]),q.rotateX(a,a,-e*mt),q.rotateZ(a,a,i*mt);let c=o/t;return q.scale(a,a,[c,c,c]),s&&q.translate(a,a,j.negate([],s)),a}function Fa(n){let{width:t,height:e,altitude:i,pitch:r=0,offset:o,center:s,scale:a,nearZMultiplier:c=1,farZMultiplier:l=1}=n,{fovy:f=qt(Mh)}=n;i!==void 0&&(f=qt(i));let h=f*mt,u=r*mt,d=De(f),p=d;s&&(p+=s[2]*a/Math.cos(u)/e);let g=h*(.5+(o?o[1]:0)/e),m=Math.sin(g)*p/Math.sin(ri(Math.PI/2-u-g,.01,Math.PI-.01)),v=Math.sin(u)*m+p,_=p*10,y=Math.min(v*l,_);return{fov:h,aspect:t/e,focalDistance:d,near:c,far:y}}function qt(n){return 2*Math.atan(.5/n)*Ba}function De(n){return .5/Math.tan(.5*n*mt)}function pe(n,t){let[e,i,r=0]=n;return Et(Number.isFinite(e)&&Number.isFinite(i)&&Number.isFinite(r)),de(t,[e,i,r,1])}function ge(n,t,e=0){let[i,r,o]=n;if(Et(Number.isFinite(i)&&Number.isFinite(r),"invalid pixel coordinate"),Number.isFinite(o))return de(t,[i,r,o,1]);let s=de(t,[i,r,0,1]),a=de(t,[i,r,1,1]),c=s[2],l=a[2],f=c===l?0:((e||0)-c)/(l-c);return wt.lerp([],s,a,f)}function oo(n){let{width:t,height:e,bounds:i,minExtent:r=0,maxZoom:o=24,offset:s=[0,0]}=n,[[a,c],[l,f]]=i,h=cx(n.padding),u=st([a,ri(f,-ot,ot)]),d=st([l,ri(c,-ot,ot)]),p=[Math.max(Math.abs(d[0]-u[0]),r),Math.max(Math.abs(d[1]-u[1]),r)],g=[t-h.left-h.right-Math.abs(s[0])*2,e-h.top-h.bottom-Math.abs(s[1])*2];Et(g[0]>0&&g[1]>0);let m=g[0]/p[0],v=g[1]/p[1],_=(h.right-h.left)/2/m,y=(h.top-h.bottom)/2/v,x=[(d[0]+u[0])/2+_,(d[1]+u[1])/2+y],w=ut(x),P=Math.min(o,oi(Math.abs(Math.min(m,v))));return Et(Number.isFinite(P)),{longitude:w[0],latitude:w[1],zoom:P}}function cx(n=0){return typeof n=="number"?{top:n,bottom:n,left:n,right:n}:(Et(Number.isFinite(n.top)&&Number.isFinite(n.bottom)&&Number.isFinite(n.left)&&Number.isFinite(n.right)),n)}var Sh=Math.PI/180;function so(n,t=0){let{width:e,height:i,unproject:r}=n,o={targetZ:t},s=r([0,i],o),a=r([e,i],o),c,l,f=n.fovy?.5*n.fovy*Sh:Math.atan(.5/n.altitude),h=(90-n.pitch)*Sh;return f>h-.01?(c=Ch(n,0,t),l=Ch(n,e,t)):(c=r([0,0],o),l=r([e,0],o)),[s,a,l,c]}function Ch(n,t,e){let{pixelUnprojectionMatrix:i}=n,r=de(i,[t,0,1,1]),o=de(i,[t,n.height,1,1]),a=(e*n.distanceScales.unitsPerMeter[2]-r[2])/(o[2]-r[2]),c=wt.lerp([],r,o,a),l=ut(c);return l.push(e),l}var Lh=`
layout(std140) uniform shadowUniforms {
  bool drawShadowMap;
  bool useShadowMap;
  vec4 color;
  highp int lightId;
  float lightCount;
  mat4 viewProjectionMatrix0;
  mat4 viewProjectionMatrix1;
  vec4 projectCenter0;
  vec4 projectCenter1;
} shadow;
`,hx=`
const int max_lights = 2;

out vec3 shadow_vPosition[max_lights];

vec4 shadow_setVertexPosition(vec4 position_commonspace) {
  mat4 viewProjectionMatrices[max_lights];
  viewProjectionMatrices[0] = shadow.viewProjectionMatrix0;
  viewProjectionMatrices[1] = shadow.viewProjectionMatrix1;
  vec4 projectCenters[max_lights];
  projectCenters[0] = shadow.projectCenter0;
  projectCenters[1] = shadow.projectCenter1;

  if (shadow.drawShadowMap) {
    return project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[shadow.lightId], projectCenters[shadow.lightId]);
  }
  if (shadow.useShadowMap) {
    for (int i = 0; i < max_lights; i++) {
      if(i < int(shadow.lightCount)) {
        vec4 shadowMap_position = project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[i], projectCenters[i]);
        shadow_vPosition[i] = (shadowMap_position.xyz / shadowMap_position.w + 1.0) / 2.0;
      }
    }
  }
  return gl_Position;
}
`,ux=`
${Lh}
${hx}
`,dx=`
const int max_lights = 2;
uniform sampler2D shadow_uShadowMap0;
uniform sampler2D shadow_uShadowMap1;

in vec3 shadow_vPosition[max_lights];

const vec4 bitPackShift = vec4(1.0, 255.0, 65025.0, 16581375.0);
const vec4 bitUnpackShift = 1.0 / bitPackShift;
const vec4 bitMask = vec4(1.0 / 255.0, 1.0 / 255.0, 1.0 / 255.0,  0.0);

float shadow_getShadowWeight(vec3 position, sampler2D shadowMap) {
  vec4 rgbaDepth = texture(shadowMap, position.xy);

  float z = dot(rgbaDepth, bitUnpackShift);
  return smoothstep(0.001, 0.01, position.z - z);
}

vec4 shadow_filterShadowColor(vec4 color) {
  if (shadow.drawShadowMap) {
    vec4 rgbaDepth = fract(gl_FragCoord.z * bitPackShift);
    rgbaDepth -= rgbaDepth.gbaa * bitMask;
    return rgbaDepth;
  }
  if (shadow.useShadowMap) {
    float shadowAlpha = 0.0;
    shadowAlpha += shadow_getShadowWeight(shadow_vPosition[0], shadow_uShadowMap0);
    if(shadow.lightCount > 1.0) {
      shadowAlpha += shadow_getShadowWeight(shadow_vPosition[1], shadow_uShadowMap1);
    }
    shadowAlpha *= shadow.color.a / shadow.lightCount;
    float blendedAlpha = shadowAlpha + color.a * (1.0 - shadowAlpha);

    return vec4(
      mix(color.rgb, shadow.color.rgb, shadowAlpha / blendedAlpha),
      blendedAlpha
    );
  }
  return color;
}
`,px=`
${Lh}
${dx}
`,gx=Vt(_x),mx=Vt(Px),yx=[0,0,0,1],xx=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0];function vx(n,t){let[e,i,r]=n,o=ge([e,i,r],t);return Number.isFinite(r)?o:[o[0],o[1],0]}function _x({viewport:n,center:t}){return new X(n.viewProjectionMatrix).invert().transform(t)}function Px({viewport:n,shadowMatrices:t}){let e=[],i=n.pixelUnprojectionMatrix,r=n.isGeospatial?void 0:1,o=[[0,0,r],[n.width,0,r],[0,n.height,r],[n.width,n.height,r],[0,0,-1],[n.width,0,-1],[0,n.height,-1],[n.width,n.height,-1]].map(s=>vx(s,i));for(let s of t){let a=s.clone().translate(new Q(n.center).negate()),c=o.map(f=>a.transform(f)),l=new X().ortho({left:Math.min(...c.map(f=>f[0])),right:Math.max(...c.map(f=>f[0])),bottom:Math.min(...c.map(f=>f[1])),top:Math.max(...c.map(f=>f[1])),near:Math.min(...c.map(f=>-f[2])),far:Math.max(...c.map(f=>-f[2]))});e.push(l.multiplyRight(s))}return e}function wx(n){let{shadowEnabled:t=!0,project:e}=n;if(!t||!e||!n.shadowMatrices||!n.shadowMatrices.length)return{drawShadowMap:!1,useShadowMap:!1,shadow_uShadowMap0:n.dummyShadowMap,shadow_uShadowMap1:n.dummyShadowMap};let i=Zt.getUniforms(e),r=gx({viewport:e.viewport,center:i.center}),o=[],s=mx({shadowMatrices:n.shadowMatrices,viewport:e.viewport}).slice();for(let c=0;c<n.shadowMatrices.length;c++){let l=s[c],f=l.clone().translate(new Q(e.viewport.center).negate());i.coordinateSystem===Oe("lnglat")&&i.projectionMode===H.WEB_MERCATOR?(s[c]=f,o[c]=r):(s[c]=l.clone().multiplyRight(xx),o[c]=f.transform(r))}let a={drawShadowMap:!!n.drawToShadowMap,useShadowMap:n.shadowMaps?n.shadowMaps.length>0:!1,color:n.shadowColor||yx,lightId:n.shadowLightId||0,lightCount:n.shadowMatrices.length,shadow_uShadowMap0:n.dummyShadowMap,shadow_uShadowMap1:n.dummyShadowMap};for(let c=0;c<s.length;c++)a[`viewProjectionMatrix${c}`]=s[c],a[`projectCenter${c}`]=o[c];for(let c=0;c<2;c++)a[`shadow_uShadowMap${c}`]=n.shadowMaps&&n.shadowMaps[c]||n.dummyShadowMap;return a}var ao={name:"shadow",dependencies:[Zt],vs:ux,fs:px,inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    position = shadow_setVertexPosition(geometry.position);
    `,"fs:DECKGL_FILTER_COLOR":`
    color = shadow_filterShadowColor(color);
    `},getUniforms:wx,uniformTypes:{drawShadowMap:"f32",useShadowMap:"f32",color:"vec4<f32>",lightId:"i32",lightCount:"f32",viewProjectionMatrix0:"mat4x4<f32>",viewProjectionMatrix1:"mat4x4<f32>",projectCenter0:"vec4<f32>",projectCenter1:"vec4<f32>"}};var co=10,ai=16777215;function Ih(n,t){n.length===co?I.warn(`pickMultipleObjects can only exclude ${co} previously picked objects for layers without picking buffers`)():n.push(t)}var bx=`  float disabledPickingIndexCount;
  vec4 disabledPickingIndices0;
  vec4 disabledPickingIndices1;
  vec4 disabledPickingIndices2;
`;function Ah(n){return n.replace(`  vec4 highlightColor;
} picking;`,`  vec4 highlightColor;
${bx}} picking;`)}function Ua(n,t){return[n[t]||0,n[t+1]||0,n[t+2]||0,n[t+3]||0]}var Ex=`vec3 picking_getPickingColorFromIndex(float objectIndex) {
  if (objectIndex < 0.0 || objectIndex >= ${ai}.0) {
    return vec3(0.0);
  }

  for (int i = 0; i < ${co}; i++) {
    if (float(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    vec4 disabledIndices = i < 4
      ? picking.disabledPickingIndices0
      : (i < 8 ? picking.disabledPickingIndices1 : picking.disabledPickingIndices2);
    float disabledIndex = disabledIndices[i - (i / 4) * 4];
    if (disabledIndex == objectIndex) {
      return vec3(0.0);
    }
  }

  float encodedIndex = objectIndex + 1.0;
  return vec3(
    mod(encodedIndex, 256.0),
    mod(floor(encodedIndex / 256.0), 256.0),
    mod(floor(encodedIndex / 65536.0), 256.0)
  );
}

vec3 picking_getPickingColorFromIndex(uint objectIndex) {
  return picking_getPickingColorFromIndex(float(objectIndex));
}

vec3 picking_getPickingColorFromInstanceID() {
  return picking_getPickingColorFromIndex(float(gl_InstanceID));
}

void picking_setPickingColorFromInstanceID() {
  picking_setPickingColor(picking_getPickingColorFromInstanceID());
}
`,Mx=`struct pickingUniforms {
  isActive: f32,
  isAttribute: f32,
  isHighlightActive: f32,
  useByteColors: f32,
  highlightedObjectColor: vec3<f32>,
  highlightColor: vec4<f32>,
  disabledPickingIndexCount: f32,
  disabledPickingIndices0: vec4<f32>,
  disabledPickingIndices1: vec4<f32>,
  disabledPickingIndices2: vec4<f32>,
};

@group(0) @binding(auto) var<uniform> picking: pickingUniforms;

fn picking_normalizeColor(color: vec3<f32>) -> vec3<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_normalizeColor4(color: vec4<f32>) -> vec4<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_isColorZero(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) < 0.00001;
}

fn picking_isColorValid(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) > 0.00001;
}

fn picking_getPickingColorFromIndex(objectIndex: u32) -> vec3<f32> {
  if (objectIndex >= ${ai}u) {
    return vec3<f32>(0.0);
  }

  for (var i = 0; i < ${co}; i = i + 1) {
    if (f32(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    let disabledIndices = select(
      picking.disabledPickingIndices2,
      select(picking.disabledPickingIndices1, picking.disabledPickingIndices0, i < 4),
      i < 8
    );
    let disabledIndex = disabledIndices[i % 4];
    if (disabledIndex == f32(objectIndex)) {
      return vec3<f32>(0.0);
    }
  }

  let encodedIndex = objectIndex + 1u;
  return vec3<f32>(
    f32(encodedIndex % 256u),
    f32((encodedIndex / 256u) % 256u),
    f32((encodedIndex / 65536u) % 256u)
  ) / 255.0;
}
`,Ut={...we,vs:`${Ah(we.vs)}
${Ex}`,fs:Ah(we.fs),source:Mx,uniformTypes:{...we.uniformTypes,disabledPickingIndexCount:"f32",disabledPickingIndices0:"vec4<f32>",disabledPickingIndices1:"vec4<f32>",disabledPickingIndices2:"vec4<f32>"},defaultUniforms:{...we.defaultUniforms,useByteColors:!0,disabledPickingIndexCount:0,disabledPickingIndices0:[0,0,0,0],disabledPickingIndices1:[0,0,0,0],disabledPickingIndices2:[0,0,0,0]},getUniforms(n,t){let e=we.getUniforms(n,t),i=n.disabledPickingIndices||[];return e.disabledPickingIndexCount=i.length,e.disabledPickingIndices0=Ua(i,0),e.disabledPickingIndices1=Ua(i,4),e.disabledPickingIndices2=Ua(i,8),e},inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    // for picking depth values
    picking_setPickingAttribute(position.z / position.w);
  `,"vs:DECKGL_FILTER_COLOR":`
  picking_setPickingColor(geometry.pickingColor);
  `,"fs:DECKGL_FILTER_COLOR":{order:99,injection:`
  // use highlight color if this fragment belongs to the selected object.
  color = picking_filterHighlightColor(color);

  // use picking color if rendering to picking FBO.
  color = picking_filterPickingColor(color);
    `}}};var Cx=[$r],Tx=["vs:DECKGL_FILTER_SIZE(inout vec3 size, VertexGeometry geometry)","vs:DECKGL_FILTER_GL_POSITION(inout vec4 position, VertexGeometry geometry)","vs:DECKGL_FILTER_COLOR(inout vec4 color, VertexGeometry geometry)","fs:DECKGL_FILTER_COLOR(inout vec4 color, FragmentGeometry geometry)"],Lx=[];function Rh(n){let t=Vc.getDefaultShaderAssembler(n);for(let i of Cx)t.addDefaultModule(i);t._hookFunctions.length=0;let e=n==="glsl"?Tx:Lx;for(let i of e)t.addShaderHook(i);return t}var Ax=[255,255,255],Ix=1,Rx=0,lo=class{constructor(t={}){this.type="ambient";let{color:e=Ax}=t,{intensity:i=Ix}=t;this.id=t.id||`ambient-${Rx++}`,this.color=e,this.intensity=i}};var Ox=[255,255,255],kx=1,Dx=[0,0,-1],zx=0,ci=class{constructor(t={}){this.type="directional";let{color:e=Ox}=t,{intensity:i=kx}=t,{direction:r=Dx}=t,{_shadow:o=!1}=t;this.id=t.id||`directional-${zx++}`,this.color=e,this.intensity=i,this.type="directional",this.direction=new Q(r).normalize().toArray(),this.shadow=o}getProjectedLight(t){return this}};var li=class{constructor(t,e={id:"pass"}){let{id:i}=e;this.id=i,this.device=t,this.props={...e}}setProps(t){Object.assign(this.props,t)}render(t){}cleanup(){}};var Nx={depthWriteEnabled:!0,depthCompare:"less-equal",blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"one-minus-src-alpha",blendAlphaOperation:"add",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one-minus-src-alpha"},Xt=class extends li{constructor(){super(...arguments),this._lastRenderIndex=-1}render(t){this._render(t)}_render(t){let{canvasContext:e=this.device.canvasContext}=t,i=t.target??e.getCurrentFramebuffer(),[r,o]=e.getDrawingBufferSize(),s=t.clearCanvas??!0,a=t.clearColor??(s?[0,0,0,0]:!1),c=s?1:!1,l=s?0:!1,f=t.colorMask??15,h={viewport:[0,0,r,o]};t.colorMask&&(h.colorMask=f),t.scissorRect&&(h.scissorRect=t.scissorRect);let{shaderModuleProps:u,viewports:d,views:p,onViewportActive:g,clearStack:m=!0}=t,v=t.pass||"unknown",_=this.device.type==="webgpu";m&&(this._lastRenderIndex=-1);let y=[];if(!d.length)return this.device.beginRenderPass({framebuffer:i,parameters:h,clearColor:a,clearDepth:c,clearStencil:l}).end(),this.device.submit(),y;try{for(let x of d){g?.(x);let w=this._getDrawLayerParams(x,t),P=p&&p[x.id],C=x.subViewports||[x],M=_?C.map(S=>[S]):[C];for(let S of M){let b=this.device.beginRenderPass({framebuffer:i,parameters:h,clearColor:a,clearDepth:c,clearStencil:l});try{for(let R of S){let O=this._drawLayersInViewport(b,{target:i,canvasContext:e,shaderModuleProps:u,viewport:R,view:P,pass:v,layers:t.layers,isPicking:t.isPicking},w);y.push(O)}}finally{b.end(),_&&this.device.submit()}a=!1,c=!1,l=!1}}return y}finally{_||this.device.submit()}}_getDrawLayerParams(t,{layers:e,pass:i,isPicking:r=!1,layerFilter:o,cullRect:s,views:a,effects:c,canvasContext:l=this.device.canvasContext,shaderModuleProps:f},h=!1){let u=[],d=kh(this._lastRenderIndex+1),p={layer:e[0],viewport:t,isPicking:r,renderPass:i,cullRect:s},g={};for(let m=0;m<e.length;m++){let v=e[m],_=this._shouldDrawLayer(v,p,o,g),y={shouldDrawLayer:_};if(_&&!h){y.shouldDrawLayer=!0,y.layerRenderIndex=d(v,_),y.shaderModuleProps=this._getShaderModuleProps(v,c,i,l,f);let x=v.context.device.type==="webgpu"?Nx:null;y.layerParameters={...x,...v.context.deck?.props.parameters,...a?.[t.id]?.props.parameters,...this.getLayerParameters(v,m,t)}}u[m]=y}return u}_drawLayersInViewport(t,{layers:e,shaderModuleProps:i,pass:r,target:o,canvasContext:s,viewport:a,view:c,isPicking:l},f){let h=Bx(this.device,{canvasContext:s,shaderModuleProps:i,target:o,viewport:a});if(c){let{clear:d,clearColor:p,clearDepth:g,clearStencil:m}=c.props;if(d){let v=[0,0,0,0],_=1,y=0;Array.isArray(p)&&!l?v=[...p.slice(0,3),p[3]||255].map(w=>w/255):p===!1&&(v=!1),g!==void 0&&(_=g),m!==void 0&&(y=m),this.device.beginRenderPass({framebuffer:o,parameters:{viewport:h,scissorRect:h},clearColor:v,clearDepth:_,clearStencil:y}).end()}}let u={totalCount:e.length,visibleCount:0,compositeCount:0,pickableCount:0};t.setParameters({viewport:h});for(let d=0;d<e.length;d++){let p=e[d],g=f[d],{shouldDrawLayer:m}=g;if(m&&p.props.pickable&&u.pickableCount++,p.isComposite&&u.compositeCount++,p.isDrawable&&g.shouldDrawLayer){let{layerRenderIndex:v,shaderModuleProps:_,layerParameters:y}=g;u.visibleCount++,this._lastRenderIndex=Math.max(this._lastRenderIndex,v),_.project&&(_.project.viewport=a),p.context.renderPass=t;try{p._drawLayer({renderPass:t,shaderModuleProps:_,uniforms:{layerIndex:v},parameters:y})}catch(x){p.raiseError(x,`drawing ${p} to ${r}`)}}}return u}shouldDrawLayer(t){return!0}getShaderModuleProps(t,e,i){return null}getLayerParameters(t,e,i){return t.props.parameters}_shouldDrawLayer(t,e,i,r){if(!(t.props.visible&&this.shouldDrawLayer(t)))return!1;e.layer=t;let s=t.parent;for(;s;){if(!s.props.visible||!s.filterSubLayer(e))return!1;e.layer=s,s=s.parent}if(i){let a=e.layer.id;if(a in r||(r[a]=i(e)),!r[a])return!1}return t.activateViewport(e.viewport),!0}_getShaderModuleProps(t,e,i,r,o){let s=r.cssToDeviceRatio(),a=t.internalState?.propsInTransition||t.props,c={layer:a,picking:{isActive:!1},project:{viewport:t.context.viewport,devicePixelRatio:s,modelMatrix:a.modelMatrix,coordinateSystem:a.coordinateSystem,coordinateOrigin:a.coordinateOrigin,autoWrapLongitude:t.wrapLongitude}};if(e)for(let l of e)Oh(c,l.getShaderModuleProps?.(t,c));for(let l of t.context.defaultShaderModules)l.name in c||(c[l.name]={});return Oh(c,this.getShaderModuleProps(t,e,c),o)}};function kh(n=0,t={}){let e={},i=(r,o)=>{let s=r.props._offset,a=r.id,c=r.parent&&r.parent.id,l;if(c&&!(c in t)&&i(r.parent,!1),c in e){let f=e[c]=e[c]||kh(t[c],t);l=f(r,o),e[a]=f}else Number.isFinite(s)?(l=s+(t[c]||0),e[a]=null):l=n;return o&&l>=n&&(n=l+1),t[a]=l,l};return i}function Bx(n,{canvasContext:t=n.canvasContext,shaderModuleProps:e,target:i,viewport:r}){let o=e?.project?.devicePixelRatio??t.cssToDeviceRatio(),[,s]=t.getDrawingBufferSize(),a=i?i.height:s,c=r;return[c.x*o,a-(c.y+c.height)*o,c.width*o,c.height*o]}function Oh(n,...t){for(let e of t)if(e)for(let i in e)n[i]?Object.assign(n[i],e[i]):n[i]=e[i];return n}var fi=class extends Xt{constructor(t,e){super(t,e);let i=t.createTexture({format:"rgba8unorm",width:1,height:1,sampler:{minFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"}}),r=t.createTexture({format:"depth16unorm",width:1,height:1});this.fbo=t.createFramebuffer({id:"shadowmap",width:1,height:1,colorAttachments:[i],depthStencilAttachment:r})}delete(){this.fbo&&(this.fbo.destroy(),this.fbo=null)}getShadowMap(){return this.fbo.colorAttachments[0].texture}render(t){let e=this.fbo,i=this.device.canvasContext.cssToDeviceRatio(),r=t.viewports[0],o=r.width*i,s=r.height*i,a=[1,1,1,1];(o!==e.width||s!==e.height)&&e.resize({width:o,height:s}),super.render({...t,clearColor:a,target:e,pass:"shadow"})}getLayerParameters(t,e,i){return{...t.props.parameters,blend:!1,depthWriteEnabled:!0,depthCompare:"less-equal"}}shouldDrawLayer(t){return t.props.shadowEnabled!==!1}getShaderModuleProps(t,e,i){return{shadow:{project:i.project,drawToShadowMap:!0}}}};var jx={color:[255,255,255],intensity:1},Dh=[{color:[255,255,255],intensity:1,direction:[-1,3,-1]},{color:[255,255,255],intensity:.9,direction:[1,-8,-2.5]}],Vx=[0,0,0,200/255],hn=class{constructor(t={}){this.id="lighting-effect",this.shadowColor=Vx,this.shadow=!1,this.directionalLights=[],this.pointLights=[],this.shadowPasses=[],this.dummyShadowMap=null,this.setProps(t)}setup(t){this.context=t;let{device:e,deck:i}=t;this.shadow&&!this.dummyShadowMap&&(this._createShadowPasses(e),i._addDefaultShaderModule(ao),this.dummyShadowMap=e.createTexture({width:1,height:1}))}setProps(t){this.ambientLight=void 0,this.directionalLights=[],this.pointLights=[];for(let e in t){let i=t[e];switch(i.type){case"ambient":this.ambientLight=i;break;case"directional":this.directionalLights.push(i);break;case"point":this.pointLights.push(i);break;default:}}this._applyDefaultLights(),this.shadow=this.directionalLights.some(e=>e.shadow),this.context&&this.setup(this.context),this.props=t}preRender({layers:t,layerFilter:e,viewports:i,onViewportActive:r,views:o}){if(this.shadow){this.shadowMatrices=this._calculateMatrices();for(let s=0;s<this.shadowPasses.length;s++)this.shadowPasses[s].render({layers:t,layerFilter:e,viewports:i,onViewportActive:r,views:o,shaderModuleProps:{shadow:{shadowLightId:s,dummyShadowMap:this.dummyShadowMap,shadowMatrices:this.shadowMatrices}}})}}getShaderModuleProps(t,e){let i=this.shadow?{project:e.project,shadowMaps:this.shadowPasses.map(s=>s.getShadowMap()),dummyShadowMap:this.dummyShadowMap,shadowColor:this.shadowColor,shadowMatrices:this.shadowMatrices}:{},r={enabled:!0,lights:this._getLights(t)},o=t.props.material;return{shadow:i,lighting:r,phongMaterial:o,gouraudMaterial:o}}cleanup(t){for(let e of this.shadowPasses)e.delete();this.shadowPasses.length=0,this.dummyShadowMap&&(this.dummyShadowMap.destroy(),this.dummyShadowMap=null,t.deck._removeDefaultShaderModule(ao))}_calculateMatrices(){let t=[];for(let e of this.directionalLights){let i=new X().lookAt({eye:new Q(e.direction).negate()});t.push(i)}return t}_createShadowPasses(t){for(let e=0;e<this.directionalLights.length;e++){let i=new fi(t);this.shadowPasses[e]=i}}_applyDefaultLights(){let{ambientLight:t,pointLights:e,directionalLights:i}=this;!t&&e.length===0&&i.length===0&&(this.ambientLight=new lo(jx),this.directionalLights.push(new ci(Dh[0]),new ci(Dh[1])))}_getLights(t){let e=[];this.ambientLight&&e.push(this.ambientLight);for(let i of this.pointLights)e.push(i.getProjectedLight({layer:t}));for(let i of this.directionalLights)e.push(i.getProjectedLight({layer:t}));return e}};var Ga=class{constructor(t={}){this._pool=[],this.opts={overAlloc:2,poolSize:100},this.setOptions(t)}setOptions(t){Object.assign(this.opts,t)}allocate(t,e,{size:i=1,type:r,padding:o=0,copy:s=!1,initialize:a=!1,maxCount:c}){let l=r||t&&t.constructor||Float32Array,f=e*i+o;if(ArrayBuffer.isView(t)){if(f<=t.length)return t;if(f*t.BYTES_PER_ELEMENT<=t.buffer.byteLength)return new l(t.buffer,0,f)}let h=1/0;c&&(h=c*i+o);let u=this._allocate(l,f,a,h);return t&&s?u.set(t):a||u.fill(0,0,4),this._release(t),u}release(t){this._release(t)}_allocate(t,e,i,r){let o=Math.max(Math.ceil(e*this.opts.overAlloc),1);o>r&&(o=r);let s=this._pool,a=t.BYTES_PER_ELEMENT*o,c=s.findIndex(l=>l.byteLength>=a);if(c>=0){let l=new t(s.splice(c,1)[0],0,o);return i&&l.fill(0),l}return new t(o)}_release(t){if(!ArrayBuffer.isView(t))return;let e=this._pool,{buffer:i}=t,{byteLength:r}=i,o=e.findIndex(s=>s.byteLength>=r);o<0?e.push(i):(o>0||e.length<this.opts.poolSize)&&e.splice(o,0,i),e.length>this.opts.poolSize&&e.shift()}},St=new Ga;function dn(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function Kt(n,t){let e=n%t;return e<0?t+e:e}function Nh(n){return[n[12],n[13],n[14]]}function Bh(n){return{left:un(n[3]+n[0],n[7]+n[4],n[11]+n[8],n[15]+n[12]),right:un(n[3]-n[0],n[7]-n[4],n[11]-n[8],n[15]-n[12]),bottom:un(n[3]+n[1],n[7]+n[5],n[11]+n[9],n[15]+n[13]),top:un(n[3]-n[1],n[7]-n[5],n[11]-n[9],n[15]-n[13]),near:un(n[3]+n[2],n[7]+n[6],n[11]+n[10],n[15]+n[14]),far:un(n[3]-n[2],n[7]-n[6],n[11]-n[10],n[15]-n[14])}}var zh=new Q;function un(n,t,e,i){zh.set(n,t,e);let r=zh.len();return{distance:i/r,normal:new Q(-n/r,-t/r,-e/r)}}function Fx(n){return n-Math.fround(n)}var hi;function pn(n,t){let{size:e=1,startIndex:i=0}=t,r=t.endIndex!==void 0?t.endIndex:n.length,o=(r-i)/e;hi=St.allocate(hi,o,{type:Float32Array,size:e*2});let s=i,a=0;for(;s<r;){for(let c=0;c<e;c++){let l=n[s++];hi[a+c]=l,hi[a+c+e]=Fx(l)}a+=e*2}return hi.subarray(0,o*e*2)}function jh(n){let t=null,e=!1;for(let i of n)i&&(t?(e||(t=[[t[0][0],t[0][1]],[t[1][0],t[1][1]]],e=!0),t[0][0]=Math.min(t[0][0],i[0][0]),t[0][1]=Math.min(t[0][1],i[0][1]),t[1][0]=Math.max(t[1][0],i[1][0]),t[1][1]=Math.max(t[1][1],i[1][1])):t=i);return t}var Ux=Math.PI/180,Gx=dn(),Vh=[0,0,0],Wx={unitsPerMeter:[1,1,1],metersPerUnit:[1,1,1]};function Yx({width:n,height:t,orthographic:e,fovyRadians:i,focalDistance:r,padding:o,near:s,far:a}){let c=n/t,l=e?new X().orthographic({fovy:i,aspect:c,focalDistance:r,near:s,far:a}):new X().perspective({fovy:i,aspect:c,near:s,far:a});if(o){let{left:f=0,right:h=0,top:u=0,bottom:d=0}=o,p=B((f+n-h)/2,0,n)-n/2,g=B((u+t-d)/2,0,t)-t/2;l[8]-=p*2/n,l[9]+=g*2/t}return l}var fo=class n{constructor(t={}){this._frustumPlanes={},this.id=t.id||this.constructor.displayName||"viewport",this.x=t.x||0,this.y=t.y||0,this.width=t.width||1,this.height=t.height||1,this.zoom=t.zoom||0,this.padding=t.padding,this.distanceScales=t.distanceScales||Wx,this.focalDistance=t.focalDistance||1,this.position=t.position||Vh,this.modelMatrix=t.modelMatrix||null;let{longitude:e,latitude:i}=t;this.isGeospatial=Number.isFinite(i)&&Number.isFinite(e),this._initProps(t),this._initMatrices(t),this.equals=this.equals.bind(this),this.project=this.project.bind(this),this.unproject=this.unproject.bind(this),this.projectPosition=this.projectPosition.bind(this),this.unprojectPosition=this.unprojectPosition.bind(this),this.projectFlat=this.projectFlat.bind(this),this.unprojectFlat=this.unprojectFlat.bind(this)}get subViewports(){return null}get metersPerPixel(){return this.distanceScales.metersPerUnit[2]/this.scale}get projectionMode(){return this.isGeospatial?this.zoom<12?H.WEB_MERCATOR:H.WEB_MERCATOR_AUTO_OFFSET:H.IDENTITY}equals(t){return t instanceof n?this===t?!0:t.width===this.width&&t.height===this.height&&t.scale===this.scale&&t.projectionMode===this.projectionMode&&t.resolution===this.resolution&&zt(t.distanceScales.unitsPerMeter,this.distanceScales.unitsPerMeter)&&zt(t.projectionMatrix,this.projectionMatrix)&&zt(t.viewMatrix,this.viewMatrix):!1}project(t,{topLeft:e=!0}={}){let i=this.projectPosition(t),r=pe(i,this.pixelProjectionMatrix),[o,s]=r,a=e?s:this.height-s;return t.length===2?[o,a]:[o,a,r[2]]}unproject(t,{topLeft:e=!0,targetZ:i}={}){let[r,o,s]=t,a=e?o:this.height-o,c=i&&i*this.distanceScales.unitsPerMeter[2],l=ge([r,a,s],this.pixelUnprojectionMatrix,c),[f,h,u]=this.unprojectPosition(l);return Number.isFinite(s)?[f,h,u]:Number.isFinite(i)?[f,h,i]:[f,h]}projectPosition(t){let[e,i]=this.projectFlat(t),r=(t[2]||0)*this.distanceScales.unitsPerMeter[2];return[e,i,r]}unprojectPosition(t){let[e,i]=this.unprojectFlat(t),r=(t[2]||0)*this.distanceScales.metersPerUnit[2];return[e,i,r]}projectFlat(t){if(this.isGeospatial){let e=st(t);return e[1]=B(e[1],-318,830),e}return t}unprojectFlat(t){return this.isGeospatial?ut(t):t}getBounds(t={}){let e={targetZ:t.z||0},i=this.unproject([0,0],e),r=this.unproject([this.width,0],e),o=this.unproject([0,this.height],e),s=this.unproject([this.width,this.height],e);return[Math.min(i[0],r[0],o[0],s[0]),Math.min(i[1],r[1],o[1],s[1]),Math.max(i[0],r[0],o[0],s[0]),Math.max(i[1],r[1],o[1],s[1])]}getDistanceScales(t){return t&&this.isGeospatial?fn({longitude:t[0],latitude:t[1],highPrecision:!0}):this.distanceScales}containsPixel({x:t,y:e,width:i=1,height:r=1}){return t<this.x+this.width&&this.x<t+i&&e<this.y+this.height&&this.y<e+r}getFrustumPlanes(){return this._frustumPlanes.near?this._frustumPlanes:(Object.assign(this._frustumPlanes,Bh(this.viewProjectionMatrix)),this._frustumPlanes)}panByPosition(t,e,i){return null}_initProps(t){let e=t.longitude,i=t.latitude;this.isGeospatial&&(Number.isFinite(t.zoom)||(this.zoom=Va({latitude:i})+Math.log2(this.focalDistance)),this.distanceScales=t.distanceScales||fn({latitude:i,longitude:e}));let r=Math.pow(2,this.zoom);this.scale=r;let{position:o,modelMatrix:s}=t,a=Vh;if(o&&(a=s?new X(s).transformAsVector(o,[]):o),this.isGeospatial){let c=this.projectPosition([e,i,0]);this.center=new Q(a).scale(this.distanceScales.unitsPerMeter).add(c)}else this.center=this.projectPosition(a)}_initMatrices(t){let{viewMatrix:e=Gx,projectionMatrix:i=null,orthographic:r=!1,fovyRadians:o,fovy:s=75,near:a=.1,far:c=1e3,padding:l=null,focalDistance:f=1}=t;this.viewMatrixUncentered=e,this.viewMatrix=new X().multiplyRight(e).translate(new Q(this.center).negate()),this.projectionMatrix=i||Yx({width:this.width,height:this.height,orthographic:r,fovyRadians:o||s*Ux,focalDistance:f,padding:l,near:a,far:c});let h=dn();q.multiply(h,h,this.projectionMatrix),q.multiply(h,h,this.viewMatrix),this.viewProjectionMatrix=h,this.viewMatrixInverse=q.invert([],this.viewMatrix)||this.viewMatrix,this.cameraPosition=Nh(this.viewMatrixInverse);let u=dn(),d=dn();q.scale(u,u,[this.width/2,-this.height/2,1]),q.translate(u,u,[1,-1,0]),q.multiply(d,u,this.viewProjectionMatrix),this.pixelProjectionMatrix=d,this.pixelUnprojectionMatrix=q.invert(dn(),this.pixelProjectionMatrix),this.pixelUnprojectionMatrix||I.warn("Pixel project matrix not invertible")()}};fo.displayName="Viewport";var gn=fo;var ho=class n extends gn{constructor(t={}){let{latitude:e=0,longitude:i=0,zoom:r=0,pitch:o=0,bearing:s=0,nearZMultiplier:a=.1,farZMultiplier:c=1.01,nearZ:l,farZ:f,orthographic:h=!1,projectionMatrix:u,repeat:d=!1,worldOffset:p=0,position:g,padding:m,legacyMeterSizes:v=!1}=t,{width:_,height:y,altitude:x=1.5}=t,w=Math.pow(2,r);_=_||1,y=y||1;let P,C=null;if(u)x=u[5]/2,P=qt(x);else{t.fovy?(P=t.fovy,x=De(P)):P=qt(x);let S;if(m){let{top:b=0,bottom:R=0}=m;S=[0,B((b+y-R)/2,0,y)-y/2]}C=Fa({width:_,height:y,scale:w,center:g&&[0,0,g[2]*ke(e)],offset:S,pitch:o,fovy:P,nearZMultiplier:a,farZMultiplier:c}),Number.isFinite(l)&&(C.near=l),Number.isFinite(f)&&(C.far=f)}let M=ro({height:y,pitch:o,bearing:s,scale:w,altitude:x});p&&(M=new X().translate([512*p,0,0]).multiplyLeft(M)),super({...t,width:_,height:y,viewMatrix:M,longitude:i,latitude:e,zoom:r,...C,fovy:P,focalDistance:x}),this.latitude=e,this.longitude=i,this.zoom=r,this.pitch=o,this.bearing=s,this.altitude=x,this.fovy=P,this.orthographic=h,this._subViewports=d?[]:null,this._pseudoMeters=v,Object.freeze(this)}get subViewports(){if(this._subViewports&&!this._subViewports.length){let t=this.getBounds(),e=Math.floor((t[0]+180)/360),i=Math.ceil((t[2]-180)/360);for(let r=e;r<=i;r++){let o=r?new n({...this,worldOffset:r}):this;this._subViewports.push(o)}}return this._subViewports}equals(t){return t instanceof n&&t._pseudoMeters===this._pseudoMeters&&super.equals(t)}projectPosition(t){if(this._pseudoMeters)return super.projectPosition(t);let[e,i]=this.projectFlat(t),r=(t[2]||0)*ke(t[1]);return[e,i,r]}unprojectPosition(t){if(this._pseudoMeters)return super.unprojectPosition(t);let[e,i]=this.unprojectFlat(t),r=(t[2]||0)/ke(i);return[e,i,r]}addMetersToLngLat(t,e){return si(t,e)}panByPosition(t,e,i){let r=ge(e,this.pixelUnprojectionMatrix),o=this.projectFlat(t),s=wt.add([],o,wt.negate([],r)),a=wt.add([],this.center,s),[c,l]=this.unprojectFlat(a);return{longitude:c,latitude:l}}panByPosition3D(t,e){let i=t[2]||0,r=wt.sub([],t,this.unproject(e,{targetZ:i}));return{longitude:this.longitude+r[0],latitude:this.latitude+r[1]}}getBounds(t={}){let e=so(this,t.z||0);return[Math.min(e[0][0],e[1][0],e[2][0],e[3][0]),Math.min(e[0][1],e[1][1],e[2][1],e[3][1]),Math.max(e[0][0],e[1][0],e[2][0],e[3][0]),Math.max(e[0][1],e[1][1],e[2][1],e[3][1])]}fitBounds(t,e={}){let{width:i,height:r}=this,{longitude:o,latitude:s,zoom:a}=oo({width:i,height:r,bounds:t,...e});return new n({width:i,height:r,longitude:o,latitude:s,zoom:a})}};ho.displayName="WebMercatorViewport";var Jt=ho;var Fh=[0,0,0];function Wa(n,t,e=!1){let i=t.projectPosition(n);if(e&&t instanceof Jt){let[r,o,s=0]=n,a=t.getDistanceScales([r,o]);i[2]=s*a.unitsPerMeter[2]}return i}function $x(n){let{viewport:t,modelMatrix:e,coordinateOrigin:i}=n,{coordinateSystem:r,fromCoordinateSystem:o,fromCoordinateOrigin:s}=n;return r==="default"&&(r=t.isGeospatial?"lnglat":"cartesian"),o===void 0?o=r:o==="default"&&(o=t.isGeospatial?"lnglat":"cartesian"),s===void 0&&(s=i),{viewport:t,coordinateSystem:r,coordinateOrigin:i,modelMatrix:e,fromCoordinateSystem:o,fromCoordinateOrigin:s}}function uo(n,{viewport:t,modelMatrix:e,coordinateSystem:i,coordinateOrigin:r,offsetMode:o}){let[s,a,c=0]=n;switch(e&&([s,a,c]=it.transformMat4([],[s,a,c,1],e)),i){case"default":return uo(n,{viewport:t,modelMatrix:e,coordinateSystem:t.isGeospatial?"lnglat":"cartesian",coordinateOrigin:r,offsetMode:o});case"lnglat":return Wa([s,a,c],t,o);case"lnglat-offsets":return Wa([s+r[0],a+r[1],c+(r[2]||0)],t,o);case"meter-offsets":return Wa(si(r,[s,a,c]),t,o);case"cartesian":return t.isGeospatial?[s+r[0],a+r[1],c+r[2]]:t.projectPosition([s,a,c]);default:throw new Error(`Invalid coordinateSystem: ${i}`)}}function Uh(n,t){let{viewport:e,coordinateSystem:i,coordinateOrigin:r,modelMatrix:o,fromCoordinateSystem:s,fromCoordinateOrigin:a}=$x(t),{autoOffset:c=!0}=t,{geospatialOrigin:l=Fh,shaderCoordinateOrigin:f=Fh,offsetMode:h=!1}=c?za(e,i,r):{},u=uo(n,{viewport:e,modelMatrix:o,coordinateSystem:s,coordinateOrigin:a,offsetMode:h});if(h){let d=e.projectPosition(l||f);j.sub(u,u,d)}return u}var Hx={blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"zero",blendAlphaOperation:"add",blendAlphaSrcFactor:"constant",blendAlphaDstFactor:"zero"},ze=class extends Xt{constructor(){super(...arguments),this._colorEncoderState=null}render(t){return"pickingFBO"in t?this._drawPickingBuffer(t):{decodePickingColor:null,stats:super._render(t)}}_drawPickingBuffer({layers:t,layerFilter:e,views:i,viewports:r,onViewportActive:o,pickingFBO:s,deviceRect:{x:a,y:c,width:l,height:f},cullRect:h,effects:u,pass:d="picking",pickZ:p,canvasContext:g,shaderModuleProps:m,clearColor:v}){this.pickZ=p;let _=this._resetColorEncoder(p),y=[a,c,l,f],x=super._render({target:s,layers:t,layerFilter:e,views:i,viewports:r,onViewportActive:o,cullRect:h,effects:u?.filter(P=>P.useInPicking),pass:d,canvasContext:g,isPicking:!0,shaderModuleProps:m,clearColor:v??[0,0,0,0],colorMask:15,scissorRect:y});return this._colorEncoderState=null,{decodePickingColor:_&&Zx.bind(null,_),stats:x}}shouldDrawLayer(t){let{pickable:e,operation:i}=t.props;return e&&i.includes("draw")||i.includes("terrain")||i.includes("mask")}getShaderModuleProps(t,e,i){return{picking:{isActive:1,isAttribute:this.pickZ,disabledPickingIndices:t.internalState?.disabledPickingIndices},lighting:{enabled:!1}}}getLayerParameters(t,e,i){let r={...t.props.parameters},{pickable:o,operation:s}=t.props;return this._colorEncoderState?o&&s.includes("draw")?(Object.assign(r,Hx),r.blend=!0,this.device.type==="webgpu"?r.blendConstant=Gh(this._colorEncoderState,t,i):r.blendColor=Gh(this._colorEncoderState,t,i),s.includes("terrain")&&t.state?._hasPickingCover&&(r.blendAlphaSrcFactor="one")):s.includes("terrain")&&(r.blend=!1):r.blend=!1,r}_resetColorEncoder(t){return this._colorEncoderState=t?null:{byLayer:new Map,byAlpha:[]},this._colorEncoderState}};function Gh(n,t,e){let{byLayer:i,byAlpha:r}=n,o,s=i.get(t);return s?(s.viewports.push(e),o=s.a):(o=i.size+1,o<=255?(s={a:o,layer:t,viewports:[e]},i.set(t,s),r[o]=s):(I.warn("Too many pickable layers, only picking the first 255")(),o=0)),[0,0,0,o/255]}function Zx(n,t){let e=n.byAlpha[t[3]];return e&&{pickedLayer:e.layer,pickedViewports:e.viewports,pickedObjectIndex:e.layer.decodePickingColor(t)}}var me={NO_STATE:"Awaiting state",MATCHED:"Matched. State transferred from previous layer",INITIALIZED:"Initialized",AWAITING_GC:"Discarded. Awaiting garbage collection",AWAITING_FINALIZATION:"No longer matched. Awaiting garbage collection",FINALIZED:"Finalized! Awaiting garbage collection"},mn=Symbol.for("component"),yt=Symbol.for("propTypes"),po=Symbol.for("deprecatedProps"),Qt=Symbol.for("asyncPropDefaults"),Gt=Symbol.for("asyncPropOriginal"),Ct=Symbol.for("asyncPropResolved");function xt(n,t=()=>!0){return Array.isArray(n)?Wh(n,t,[]):t(n)?[n]:[]}function Wh(n,t,e){let i=-1;for(;++i<n.length;){let r=n[i];Array.isArray(r)?Wh(r,t,e):t(r)&&e.push(r)}return e}function Ya({target:n,source:t,start:e=0,count:i=1}){let r=t.length,o=i*r,s=0;for(let a=e;s<r;s++)n[a++]=t[s];for(;s<o;)s<o-s?(n.copyWithin(e+s,e,e+s),s*=2):(n.copyWithin(e+s,e,e+o-s),s=o);return n}var ui=class{constructor(t,e,i){this._loadCount=0,this._subscribers=new Set,this.id=t,this.context=i,this.setData(e)}subscribe(t){this._subscribers.add(t)}unsubscribe(t){this._subscribers.delete(t)}inUse(){return this._subscribers.size>0}delete(){}getData(){return this.isLoaded?this._error?Promise.reject(this._error):this._content:this._loader.then(()=>this.getData())}setData(t,e){if(t===this._data&&!e)return;this._data=t;let i=++this._loadCount,r=t;typeof t=="string"&&(r=fe(t)),r instanceof Promise?(this.isLoaded=!1,this._loader=r.then(o=>{this._loadCount===i&&(this.isLoaded=!0,this._error=void 0,this._content=o)}).catch(o=>{this._loadCount===i&&(this.isLoaded=!0,this._error=o||!0)})):(this.isLoaded=!0,this._error=void 0,this._content=t);for(let o of this._subscribers)o.onChange(this.getData())}};var di=class{constructor(t){this.protocol=t.protocol||"resource://",this._context={device:t.device,gl:t.device?.gl,resourceManager:this},this._resources={},this._consumers={},this._pruneRequest=null}contains(t){return t.startsWith(this.protocol)?!0:t in this._resources}add({resourceId:t,data:e,forceUpdate:i=!1,persistent:r=!0}){let o=this._resources[t];o?o.setData(e,i):(o=new ui(t,e,this._context),this._resources[t]=o),o.persistent=r}remove(t){let e=this._resources[t];e&&(e.delete(),delete this._resources[t])}unsubscribe({consumerId:t}){let e=this._consumers[t];if(e){for(let i in e){let r=e[i],o=this._resources[r.resourceId];o&&o.unsubscribe(r)}delete this._consumers[t],this.prune()}}subscribe({resourceId:t,onChange:e,consumerId:i,requestId:r="default"}){let{_resources:o,protocol:s}=this;t.startsWith(s)&&(t=t.replace(s,""),o[t]||this.add({resourceId:t,data:null,persistent:!1}));let a=o[t];if(this._track(i,r,a,e),a)return a.getData()}prune(){this._pruneRequest||(this._pruneRequest=setTimeout(()=>this._prune(),0))}finalize(){for(let t in this._resources)this._resources[t].delete()}_track(t,e,i,r){let o=this._consumers,s=o[t]=o[t]||{},a=s[e],c=a&&a.resourceId&&this._resources[a.resourceId];c&&(c.unsubscribe(a),this.prune()),i&&(a?(a.onChange=r,a.resourceId=i.id):a={onChange:r,resourceId:i.id},s[e]=a,i.subscribe(a))}_prune(){this._pruneRequest=null;for(let t of Object.keys(this._resources)){let e=this._resources[t];!e.persistent&&!e.inUse()&&(e.delete(),delete this._resources[t])}}};var qx="layerManager.setLayers",Xx="layerManager.activateViewport",pi=class{constructor(t,e){this._lastRenderedLayers=[],this._needsRedraw=!1,this._needsUpdate=!1,this._nextLayers=null,this._debug=!1,this._defaultShaderModulesChanged=!1,this.activateViewport=a=>{G(Xx,this,a),a&&(this.context.viewport=a)};let{deck:i,stats:r,viewport:o,timeline:s}=e||{};this.layers=[],this.resourceManager=new di({device:t,protocol:"deck://"}),this.context={mousePosition:null,userData:{},layerManager:this,device:t,gl:t?.gl,deck:i,shaderAssembler:Rh(t?.info?.shadingLanguage||"glsl"),defaultShaderModules:[Ea],renderPass:void 0,stats:r||new mr({id:"deck.gl"}),viewport:o||new gn({id:"DEFAULT-INITIAL-VIEWPORT"}),timeline:s||new xr,resourceManager:this.resourceManager,onError:void 0},Object.seal(this)}finalize(){this.resourceManager.finalize();for(let t of this.layers)this._finalizeLayer(t)}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;t.clearRedrawFlags&&(this._needsRedraw=!1);for(let i of this.layers){let r=i.getNeedsRedraw(t);e=e||r}return e}needsUpdate(){return this._nextLayers&&this._nextLayers!==this._lastRenderedLayers?"layers changed":this._defaultShaderModulesChanged?"shader modules changed":this._needsUpdate}setNeedsRedraw(t){this._needsRedraw=this._needsRedraw||t}setNeedsUpdate(t){this._needsUpdate=this._needsUpdate||t}getLayers({layerIds:t}={}){return t?this.layers.filter(e=>t.find(i=>e.id.indexOf(i)===0)):this.layers}setProps(t){"debug"in t&&(this._debug=t.debug),"userData"in t&&(this.context.userData=t.userData),"layers"in t&&(this._nextLayers=t.layers),"onError"in t&&(this.context.onError=t.onError)}setLayers(t,e){G(qx,this,e,t),this._lastRenderedLayers=t;let i=xt(t,Boolean);for(let r of i)r.context=this.context;this._updateLayers(this.layers,i)}updateLayers(){let t=this.needsUpdate();t&&(this.setNeedsRedraw(`updating layers: ${t}`),this.setLayers(this._nextLayers||this._lastRenderedLayers,t)),this._nextLayers=null}addDefaultShaderModule(t){let{defaultShaderModules:e}=this.context;e.find(i=>i.name===t.name)||(e.push(t),this._defaultShaderModulesChanged=!0)}removeDefaultShaderModule(t){let{defaultShaderModules:e}=this.context,i=e.findIndex(r=>r.name===t.name);i>=0&&(e.splice(i,1),this._defaultShaderModulesChanged=!0)}_handleError(t,e,i){i.raiseError(e,`${t} of ${i}`)}_updateLayers(t,e){let i={};for(let s of t)i[s.id]?I.warn(`Multiple old layers with same id ${s.id}`)():i[s.id]=s;if(this._defaultShaderModulesChanged){for(let s of t)s.setNeedsUpdate(),s.setChangeFlags({extensionsChanged:!0});this._defaultShaderModulesChanged=!1}let r=[];this._updateSublayersRecursively(e,i,r),this._finalizeOldLayers(i);let o=!1;for(let s of r)if(s.hasUniformTransition()){o=`Uniform transition in ${s}`;break}this._needsUpdate=o,this.layers=r}_updateSublayersRecursively(t,e,i){for(let r of t){r.context=this.context;let o=e[r.id];o===null&&I.warn(`Multiple new layers with same id ${r.id}`)(),e[r.id]=null;let s=null;try{this._debug&&o!==r&&r.validateProps(),o?(this._transferLayerState(o,r),this._updateLayer(r)):this._initializeLayer(r),i.push(r),s=r.isComposite?r.getSubLayers():null}catch(a){this._handleError("matching",a,r)}s&&this._updateSublayersRecursively(s,e,i)}}_finalizeOldLayers(t){for(let e in t){let i=t[e];i&&this._finalizeLayer(i)}}_initializeLayer(t){try{t._initialize(),t.lifecycle=me.INITIALIZED}catch(e){this._handleError("initialization",e,t)}}_transferLayerState(t,e){e._transferState(t),e.lifecycle=me.MATCHED,e!==t&&(t.lifecycle=me.AWAITING_GC)}_updateLayer(t){try{t._update()}catch(e){this._handleError("update",e,t)}}_finalizeLayer(t){this._needsRedraw=this._needsRedraw||`finalized ${t}`,t.lifecycle=me.AWAITING_FINALIZATION;try{t._finalize(),t.lifecycle=me.FINALIZED}catch(e){this._handleError("finalization",e,t)}}};function W(n,t,e){if(n===t)return!0;if(!e||!n||!t)return!1;if(Array.isArray(n)){if(!Array.isArray(t)||n.length!==t.length)return!1;for(let i=0;i<n.length;i++)if(!W(n[i],t[i],e-1))return!1;return!0}if(Array.isArray(t))return!1;if(typeof n=="object"&&typeof t=="object"){let i=Object.keys(n),r=Object.keys(t);if(i.length!==r.length)return!1;for(let o of i)if(!t.hasOwnProperty(o)||!W(n[o],t[o],e-1))return!1;return!0}return!1}var ye="default-canvas",gi=class{constructor(t){this.views=[],this.width=100,this.height=100,this.viewState={},this.controllers={},this.timeline=t.timeline,this._viewports=[],this._viewportMap={},this._isUpdating=!1,this._needsRedraw="First render",this._needsUpdate="Initialize",this._eventManager=t.eventManager,this._eventManagers=t.eventManagers||{},this._viewEventManagers={},this._eventCallbacks={onViewStateChange:t.onViewStateChange,onInteractionStateChange:t.onInteractionStateChange},this._pickPosition=t.pickPosition,this._getCanvasContext=t.getCanvasContext,Object.seal(this),this.setProps(t)}finalize(){for(let t in this.controllers){let e=this.controllers[t];e&&e.finalize()}this.controllers={}}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}setNeedsUpdate(t){this._needsUpdate=this._needsUpdate||t,this._needsRedraw=this._needsRedraw||t}updateViewStates(){for(let t in this.controllers){let e=this.controllers[t];e&&e.updateTransition()}}getViewports(t){return t?this._viewports.filter(e=>{let i=!t.canvasId||this.getCanvasId(e.id)===t.canvasId,r=!("x"in t)||e.containsPixel(t);return i&&r}):this._viewports}getViews(){let t={};return this.views.forEach(e=>{t[e.id]=e}),t}getView(t){return this.views.find(e=>e.id===t)}getViewState(t){let e=typeof t=="string"?this.getView(t):t,i=e&&this.viewState[e.getViewStateId()]||this.viewState;return e?e.filterViewState(i):i}getViewport(t){return this._viewportMap[t]}getCanvasId(t){let e=typeof t=="string"?this.getView(t):t;return e?this._viewEventManagers[e.id]?.canvasId||this._getCanvasIdFromView(e):void 0}unproject(t,e){let i=this.getViewports(),r={x:t[0],y:t[1]};for(let o=i.length-1;o>=0;--o){let s=i[o];if(s.containsPixel(r)){let a=t.slice();return a[0]-=s.x,a[1]-=s.y,s.unproject(a,e)}}return null}setProps(t){t.views&&this._setViews(t.views),t.viewState&&this._setViewState(t.viewState),("width"in t||"height"in t)&&this._setSize(t.width,t.height),"pickPosition"in t&&(this._pickPosition=t.pickPosition),"eventManagers"in t&&this._setEventManagers(t.eventManagers||{}),this._isUpdating||this._update()}_update(){this._isUpdating=!0,this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._isUpdating=!1}_setSize(t,e){(t!==this.width||e!==this.height)&&(this.width=t,this.height=e,this.setNeedsUpdate("Size changed"))}_setViews(t){t=xt(t,Boolean),this._diffViews(t,this.views)&&this.setNeedsUpdate("views changed"),this.views=t}_setViewState(t){t?(!W(t,this.viewState,3)&&this.setNeedsUpdate("viewState changed"),this.viewState=t):I.warn("missing `viewState` or `initialViewState`")()}_setEventManagers(t){this._eventManagers!==t&&(this._eventManagers=t,this.setNeedsUpdate("eventManagers changed"))}_getCanvasIdFromView(t){return t.props.canvasId||this._getCanvasContext?.(t.id)?.id||ye}_getCanvasDimensions(t){let e=this._getCanvasContext?.(t.id),[i,r]=e?.getCSSSize()||[this.width,this.height];return{width:i,height:r}}_getViewEventManager(t){let e=this.getCanvasId(t)||ye;return{canvasId:e,eventManager:this._eventManagers[e]||this._eventManager}}_startViewportRebuild(){let t=this.controllers,e=this._viewEventManagers;return this._viewports=[],this.controllers={},this._viewEventManagers={},{oldControllers:t,oldViewEventManagers:e}}_getReusableController(t,e,i){return t&&(e?.canvasId!==i.canvasId||e?.eventManager!==i.eventManager)?(t.finalize(),null):t}_createController(t,e){let i=e.type;return new i({timeline:this.timeline,eventManager:this._getViewEventManager(t).eventManager,onViewStateChange:this._eventCallbacks.onViewStateChange,onStateChange:this._eventCallbacks.onInteractionStateChange,makeViewport:o=>this.getView(t.id)?.makeViewport({viewState:o,...this._getCanvasDimensions(t)}),pickPosition:(o,s)=>this._pickPosition?.(o,s,t.id)})}_updateController(t,e,i,r){let o=t.controller;if(o&&i){let s={...e,...o,id:t.id,x:i.x,y:i.y,width:i.width,height:i.height};return(!r||r.constructor!==o.type)&&(r=this._createController(t,s)),r&&r.setProps(s),r}return null}_rebuildViewports(){let{views:t}=this,{oldControllers:e,oldViewEventManagers:i}=this._startViewportRebuild(),r=!1;for(let o=t.length;o--;){let s=t[o],{width:a,height:c}=this._getCanvasDimensions(s),l=this._getViewEventManager(s);this._viewEventManagers[s.id]=l;let f=this.getViewState(s),h=s.makeViewport({viewState:f,width:a,height:c}),u=this._getReusableController(e[s.id],i[s.id],l),d=!!s.controller;d&&!u&&(r=!0),(r||!d)&&u&&(u.finalize(),u=null),this.controllers[s.id]=this._updateController(s,f,h,u),h&&this._viewports.unshift(h)}for(let o in e){let s=e[o];s&&!this.controllers[o]&&s.finalize()}this._buildViewportMap()}_buildViewportMap(){this._viewportMap={},this._viewports.forEach(t=>{t.id&&(this._viewportMap[t.id]=this._viewportMap[t.id]||t)})}_diffViews(t,e){return t.length!==e.length?!0:t.some((i,r)=>!t[r].equals(e[r]))}};var Kx=/^(?:\d+\.?\d*|\.\d+)$/;function at(n){switch(typeof n){case"number":if(!Number.isFinite(n))throw new Error(`Could not parse position string ${n}`);return{type:"literal",value:n};case"string":try{let t=Jx(n);return new Ha(t).parseExpression()}catch(t){let e=t instanceof Error?t.message:String(t);throw new Error(`Could not parse position string ${n}: ${e}`)}default:throw new Error(`Could not parse position string ${n}`)}}function $a(n,t){switch(n.type){case"literal":return n.value;case"percentage":return Math.round(n.value*t);case"binary":let e=$a(n.left,t),i=$a(n.right,t);return n.operator==="+"?e+i:e-i;default:throw new Error("Unknown layout expression type")}}function ct(n,t){return $a(n,t)}function Jx(n){let t=[],e=0;for(;e<n.length;){let i=n[e];if(/\s/.test(i)){e++;continue}if(i==="+"||i==="-"||i==="("||i===")"||i==="%"){t.push({type:"symbol",value:i}),e++;continue}if(Yh(i)||i==="."){let r=e,o=i===".";for(e++;e<n.length;){let a=n[e];if(Yh(a)){e++;continue}if(a==="."&&!o){o=!0,e++;continue}break}let s=n.slice(r,e);if(!Kx.test(s))throw new Error("Invalid number token");t.push({type:"number",value:parseFloat(s)});continue}if($h(i)){let r=e;for(;e<n.length&&$h(n[e]);)e++;let o=n.slice(r,e).toLowerCase();t.push({type:"word",value:o});continue}throw new Error("Invalid token in position string")}return t}var Ha=class{constructor(t){this.index=0,this.tokens=t}parseExpression(){let t=this.parseBinaryExpression();if(this.index<this.tokens.length)throw new Error("Unexpected token at end of expression");return t}parseBinaryExpression(){let t=this.parseFactor(),e=this.peek();for(;Qx(e);){this.index++;let i=this.parseFactor();t={type:"binary",operator:e.value,left:t,right:i},e=this.peek()}return t}parseFactor(){let t=this.peek();if(!t)throw new Error("Unexpected end of expression");if(t.type==="symbol"&&t.value==="+")return this.index++,this.parseFactor();if(t.type==="symbol"&&t.value==="-"){this.index++;let e=this.parseFactor();return{type:"binary",operator:"-",left:{type:"literal",value:0},right:e}}if(t.type==="symbol"&&t.value==="("){this.index++;let e=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return e}if(t.type==="word"&&t.value==="calc"){if(this.index++,!this.consumeSymbol("("))throw new Error("Missing opening parenthesis after calc");let e=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return e}if(t.type==="number"){this.index++;let e=t.value,i=this.peek();return i&&i.type==="symbol"&&i.value==="%"?(this.index++,{type:"percentage",value:e/100}):i&&i.type==="word"&&i.value==="px"?(this.index++,{type:"literal",value:e}):{type:"literal",value:e}}throw new Error("Unexpected token in expression")}consumeSymbol(t){let e=this.peek();return e&&e.type==="symbol"&&e.value===t?(this.index++,!0):!1}peek(){return this.tokens[this.index]||null}};function Yh(n){return n>="0"&&n<="9"}function $h(n){return n>="a"&&n<="z"||n>="A"&&n<="Z"}function Qx(n){return!!(n&&n.type==="symbol"&&(n.value==="+"||n.value==="-"))}function Hh(n,t){let e={...n};for(let i in t)i!=="id"&&(Array.isArray(e[i])&&Array.isArray(t[i])?e[i]=tv(e[i],t[i]):e[i]=t[i]);return e}function tv(n,t){n=n.slice();for(let e=0;e<t.length;e++){let i=t[e];Number.isFinite(i)&&(n[e]=i)}return n}var Ne=class{constructor(t){let{id:e,x:i=0,y:r=0,width:o="100%",height:s="100%",padding:a=null}=t;this.id=e||this.constructor.displayName||"view",this.props={...t,id:this.id},this._x=at(i),this._y=at(r),this._width=at(o),this._height=at(s),this._padding=a&&{left:at(a.left||0),right:at(a.right||0),top:at(a.top||0),bottom:at(a.bottom||0)},this.equals=this.equals.bind(this),Object.seal(this)}equals(t){return this===t?!0:this.constructor===t.constructor&&W(this.props,t.props,2)}clone(t){let e=this.constructor;return new e({...this.props,...t})}makeViewport({width:t,height:e,viewState:i}){i=this.filterViewState(i);let r=this.getDimensions({width:t,height:e});if(!r.height||!r.width)return null;let o=this.getViewportType(i);return new o({...i,...this.props,...r})}getViewStateId(){let{viewState:t}=this.props;return typeof t=="string"?t:t?.id||this.id}filterViewState(t){return this.props.viewState&&typeof this.props.viewState=="object"?this.props.viewState.id?Hh(t,this.props.viewState):this.props.viewState:t}getDimensions({width:t,height:e}){let i={x:ct(this._x,t),y:ct(this._y,e),width:ct(this._width,t),height:ct(this._height,e)};return this._padding&&(i.padding={left:ct(this._padding.left,t),top:ct(this._padding.top,e),right:ct(this._padding.right,t),bottom:ct(this._padding.bottom,e)}),i}get controller(){let t=this.props.controller;return t?t===!0?{type:this.ControllerType}:typeof t=="function"?{type:t}:{type:this.ControllerType,...t}:null}};var Tt=class{constructor(t){this._inProgress=!1,this._handle=null,this.time=0,this.settings={duration:0},this._timeline=t}get inProgress(){return this._inProgress}start(t){this.cancel(),this.settings=t,this._inProgress=!0,this.settings.onStart?.(this)}end(){this._inProgress&&(this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1,this.settings.onEnd?.(this))}cancel(){this._inProgress&&(this.settings.onInterrupt?.(this),this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1)}update(){if(!this._inProgress)return!1;if(this._handle===null){let{_timeline:t,settings:e}=this;this._handle=t.addChannel({delay:t.getTime(),duration:e.duration})}return this.time=this._timeline.getTime(this._handle),this._onUpdate(),this.settings.onUpdate?.(this),this._timeline.isFinished(this._handle)&&this.end(),!0}_onUpdate(){}};var Zh=()=>{},qh={mode:"preserve"},ev={mode:"hard"},Za={BREAK:1,SNAP_TO_END:2,IGNORE:3},nv=n=>n,iv=Za.BREAK,mi=class{constructor(t){this._onTransitionUpdate=e=>{let{time:i,settings:{interpolator:r,startProps:o,endProps:s,duration:a,easing:c}}=e,l=c(i/a),f=r.interpolateProps(o,s,l);this.propsInTransition=this.getControllerState({...this.props,...f},qh).getViewportProps(),this.onViewStateChange({viewState:this.propsInTransition,oldViewState:this.props})},this.getControllerState=t.getControllerState,this.propsInTransition=null,this.transition=new Tt(t.timeline),this.onViewStateChange=t.onViewStateChange||Zh,this.onStateChange=t.onStateChange||Zh}finalize(){this.transition.cancel()}getViewportInTransition(){return this.propsInTransition}processViewStateChange(t){let e=!1,i=this.props;if(this.props=t,!i||this._shouldIgnoreViewportChange(i,t))return!1;if(this._isTransitionEnabled(t)){let r=i;if(this.transition.inProgress){let{interruption:o,endProps:s}=this.transition.settings;r={...i,...o===Za.SNAP_TO_END?s:this.propsInTransition||i}}this._triggerTransition(r,t),e=!0}else this.transition.cancel();return e}updateTransition(){this.transition.update()}_isTransitionEnabled(t){let{transitionDuration:e,transitionInterpolator:i}=t;return(e>0||e==="auto")&&!!i}_isUpdateDueToCurrentTransition(t){return this.transition.inProgress&&this.propsInTransition?this.transition.settings.interpolator.arePropsEqual(t,this.propsInTransition):!1}_shouldIgnoreViewportChange(t,e){return this.transition.inProgress?this.transition.settings.interruption===Za.IGNORE||this._isUpdateDueToCurrentTransition(e):this._isTransitionEnabled(e)?e.transitionInterpolator.arePropsEqual(t,e):!0}_triggerTransition(t,e){let i=this.getControllerState(t,qh),r=this.getControllerState(e,ev).shortestPathFrom(i),o=e.transitionInterpolator,s=o.getDuration?o.getDuration(t,e):e.transitionDuration;if(s===0)return;let a=o.initializeProps(t,r);this.propsInTransition={};let c={duration:s,easing:e.transitionEasing||nv,interpolator:o,interruption:e.transitionInterruption||iv,startProps:a.start,endProps:a.end,onStart:e.onTransitionStart,onUpdate:this._onTransitionUpdate,onInterrupt:this._onTransitionEnd(e.onTransitionInterrupt),onEnd:this._onTransitionEnd(e.onTransitionEnd)};this.transition.start(c),this.onStateChange({inTransition:!0}),this.updateTransition()}_onTransitionEnd(t){return e=>{this.propsInTransition=null,this.onStateChange({inTransition:!1,isZooming:!1,isPanning:!1,isRotating:!1}),t?.(e)}}};function D(n,t){if(!n)throw new Error(t||"deck.gl: assertion failed.")}var Be=class{constructor(t){let{compare:e,extract:i,required:r}=t;this._propsToCompare=e,this._propsToExtract=i||e,this._requiredProps=r}arePropsEqual(t,e){for(let i of this._propsToCompare)if(!(i in t)||!(i in e)||!zt(t[i],e[i]))return!1;return!0}initializeProps(t,e){let i={},r={};for(let o of this._propsToExtract)(o in t||o in e)&&(i[o]=t[o],r[o]=e[o]);return this._checkRequiredProps(i),this._checkRequiredProps(r),{start:i,end:r}}getDuration(t,e){return e.transitionDuration}_checkRequiredProps(t){this._requiredProps&&this._requiredProps.forEach(e=>{let i=t[e];D(Number.isFinite(i)||Array.isArray(i),`${e} is required for transition`)})}};var rv=["longitude","latitude","zoom","bearing","pitch"],ov=["longitude","latitude","zoom"],te=class extends Be{constructor(t={}){let e=Array.isArray(t)?t:t.transitionProps,i=Array.isArray(t)?{}:t;i.transitionProps=Array.isArray(e)?{compare:e,required:e}:e||{compare:rv,required:ov},super(i.transitionProps),this.opts=i}initializeProps(t,e){let i=super.initializeProps(t,e),{makeViewport:r,around:o}=this.opts;if(r&&o){let s=r(t),a=r(e),c=s.unproject(o);i.start.around=o,Object.assign(i.end,{around:a.project(c),aroundPosition:c,width:e.width,height:e.height})}return i}interpolateProps(t,e,i){let r={};for(let o of this._propsToExtract)r[o]=Se(t[o]||0,e[o]||0,i);if(e.aroundPosition&&this.opts.makeViewport){let o=this.opts.makeViewport({...e,...r});Object.assign(r,o.panByPosition(e.aroundPosition,Se(t.around,e.around,i)))}return r}};var Wt={transitionDuration:0},sv=300,av=300,qa=n=>1-(1-n)*(1-n),cv=n=>n===1?1:1-Math.pow(2,-10*n),je={WHEEL:["wheel"],PAN:["panstart","panmove","panend"],PINCH:["pinchstart","pinchmove","pinchend"],MULTI_PAN:["multipanstart","multipanmove","multipanend"],DOUBLE_CLICK:["dblclick"],DOUBLE_CLICK_DRAG:["dblclickdragstart","dblclickdragmove","dblclickdragend","dblclickdragcancel"],KEYBOARD:["keydown"]},Ve={},Fe=class{constructor(t){this.state={},this._events={},this._interactionState={isDragging:!1},this._customEvents=[],this._eventStartBlocked=null,this._panMove=!1,this._multiPanMode=null,this._multiPanStartCenter=null,this._doubleClickDragAnchor=null,this._suppressDoubleClickUntil=0,this.invertPan=!1,this.dragMode="rotate",this.inertia=0,this.scrollZoom=!0,this.dragPan=!0,this.dragRotate=!0,this.doubleClickZoom=!0,this.doubleClickDragZoom=!0,this.touchZoom=!0,this.touchRotate=!1,this.multiTouchDrag=null,this.trackpadGesture=!1,this.zoomAround="pointer",this.keyboard=!0,this.transitionManager=new mi({...t,getControllerState:(e,i)=>new this.ControllerState({...e,constraintContext:i,makeViewport:t.makeViewport}),onViewStateChange:this._onTransition.bind(this),onStateChange:this._setInteractionState.bind(this)}),this.handleEvent=this.handleEvent.bind(this),this.eventManager=t.eventManager,this.onViewStateChange=t.onViewStateChange||(()=>{}),this.onStateChange=t.onStateChange||(()=>{}),this.makeViewport=t.makeViewport,this.pickPosition=t.pickPosition}set events(t){this.toggleEvents(this._customEvents,!1),this.toggleEvents(t,!0),this._customEvents=t,this.props&&this.setProps(this.props)}finalize(){for(let t in this._events)this._events[t]&&this.eventManager?.off(t,this.handleEvent);this.transitionManager.finalize()}handleEvent(t){this._controllerState=void 0;let e=this._eventStartBlocked;switch(t.type){case"panstart":return e?!1:this._onPanStart(t);case"panmove":return this._onPan(t);case"panend":return this._onPanEnd(t);case"pinchstart":return e||!this._isTrackpadGestureAllowed(t)?!1:this._onPinchStart(t);case"pinchmove":return this._isTrackpadGestureAllowed(t)?this._onPinch(t):!1;case"pinchend":return this._isTrackpadGestureAllowed(t)?this._onPinchEnd(t):!1;case"multipanstart":return e?!1:this._onMultiPanStart(t);case"multipanmove":return this._onMultiPan(t);case"multipanend":return this._onMultiPanEnd(t);case"dblclick":return this._onDoubleClick(t);case"dblclickdragstart":return e?!1:this._onDoubleClickDragStart(t);case"dblclickdragmove":return this._onDoubleClickDrag(t);case"dblclickdragend":case"dblclickdragcancel":return this._onDoubleClickDragEnd(t);case"wheel":return this._onWheel(t);case"keydown":return this._onKeyDown(t);default:return!1}}get controllerState(){return this._controllerState=this._controllerState||new this.ControllerState({makeViewport:this.makeViewport,...this.props,...this.state}),this._controllerState}getCenter(t){let{x:e,y:i}=this.props,{offsetCenter:r}=t;return[r.x-e,r.y-i]}getZoomPosition(t){if(this.zoomAround==="pointer")return t;let e=this.makeViewport(this.controllerState.getViewportProps()),[i,r]=pe(e.center,e.pixelProjectionMatrix);return[i,r]}isPointInBounds(t,e){let{width:i,height:r}=this.props;if(e&&e.handled)return!1;let o=t[0]>=0&&t[0]<=i&&t[1]>=0&&t[1]<=r;return o&&e&&e.stopPropagation(),o}isFunctionKeyPressed(t){let{srcEvent:e}=t;return!!(e.metaKey||e.altKey||e.ctrlKey||e.shiftKey)}isDragging(){return this._interactionState.isDragging||!1}blockEvents(t){let e=setTimeout(()=>{this._eventStartBlocked===e&&(this._eventStartBlocked=null)},t);this._eventStartBlocked=e}setProps(t){t.maxBoundsPadding===void 0&&(t.maxBoundsPadding=null),t.dragMode&&(this.dragMode=t.dragMode);let e=this.props;this.props=t,"transitionInterpolator"in t||(t.transitionInterpolator=this._getTransitionProps().transitionInterpolator),this.transitionManager.processViewStateChange(t);let{inertia:i}=t;this.inertia=Number.isFinite(i)?i:i===!0?sv:0;let{scrollZoom:r=!0,dragPan:o=!0,dragRotate:s=!0,doubleClickZoom:a=!0,doubleClickDragZoom:c=!1,touchZoom:l=!0,touchRotate:f=!1,multiTouchDrag:h=f?"rotate":null,trackpadGesture:u=!1,zoomAround:d="pointer",keyboard:p=!0}=t,g=!!this.onViewStateChange;if(this.toggleEvents(je.WHEEL,g&&r),this.toggleEvents(je.PAN,g),this.toggleEvents(je.PINCH,g&&(l||h==="rotate")),this.toggleEvents(je.MULTI_PAN,g&&!!h),this.toggleEvents(je.DOUBLE_CLICK,g&&a),this.toggleEvents(je.DOUBLE_CLICK_DRAG,g&&c),this.toggleEvents(je.KEYBOARD,g&&p),this.scrollZoom=r,this.dragPan=o,this.dragRotate=s,this.doubleClickZoom=a,this.doubleClickDragZoom=c,this.touchZoom=l,this.touchRotate=h==="rotate",this.multiTouchDrag=h,this.trackpadGesture=u,this.zoomAround=d,this.keyboard=p,(!e||e.height!==t.height||e.width!==t.width||e.maxBounds!==t.maxBounds||e.maxBoundsPadding!==t.maxBoundsPadding)&&t.maxBounds){let v=new this.ControllerState({...t,makeViewport:this.makeViewport}),_=v.getViewportProps();Object.keys(_).some(x=>!W(_[x],t[x],1))&&this.updateViewport(v)}}updateTransition(){this.transitionManager.updateTransition()}toggleEvents(t,e){this.eventManager&&t.forEach(i=>{this._events[i]!==e&&(this._events[i]=e,e?this.eventManager.on(i,this.handleEvent):this.eventManager.off(i,this.handleEvent))})}updateViewport(t,e=null,i={}){let r={...t.getViewportProps(),...e},o=this.controllerState!==t;if(this.state=t.getState(),this._setInteractionState(i),o){let s=this.controllerState&&this.controllerState.getViewportProps();this.onViewStateChange&&this.onViewStateChange({viewState:r,interactionState:this._interactionState,oldViewState:s,viewId:this.props.id})}}_onTransition(t){this.onViewStateChange({...t,interactionState:this._interactionState,viewId:this.props.id})}_setInteractionState(t){Object.assign(this._interactionState,t),this.onStateChange(this._interactionState)}_getConstraintContext(t,e){return this.props.rubberBand?{mode:e==="update"?"elastic":e==="end"?"rebound":"hard"}:{mode:"hard"}}_getReboundTransition(t,e){if(t.mode!=="rebound")return null;let i=e.getViewportProps();return Object.keys(i).some(o=>!W(this.props[o],i[o],1))?{...this._getTransitionProps(),transitionDuration:av,transitionEasing:cv}:null}_onPanStart(t){let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let i=this.isFunctionKeyPressed(t)||t.rightButton||!1;(this.invertPan||this.dragMode==="pan")&&(i=!i);let r=i?"pan":"rotate",o=this._getConstraintContext(r,"start"),s=i?this.controllerState.panStart({pos:e},o):this.controllerState.rotateStart({pos:e},o);return this._panMove=i,this.updateViewport(s,Wt,{isDragging:!0}),!0}_onPan(t){return this.isDragging()?this._panMove?this._onPanMove(t):this._onPanRotate(t):!1}_onPanEnd(t){return this.isDragging()?this._panMove?this._onPanMoveEnd(t):this._onPanRotateEnd(t):!1}_onPanMove(t){if(!this.dragPan)return!1;let e=this.getCenter(t),i=this.controllerState.pan({pos:e},this._getConstraintContext("pan","update"));return this.updateViewport(i,Wt,{isDragging:!0,isPanning:!0}),!0}_onPanMoveEnd(t){let{inertia:e}=this;if(this.dragPan&&e&&t.velocity){let i=this.getCenter(t),r=[i[0]+t.velocityX*e/2,i[1]+t.velocityY*e/2],o=this.controllerState.pan({pos:r}).panEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:e,transitionEasing:qa},{isDragging:!1,isPanning:!0})}else{let i=this.controllerState,r=this._getConstraintContext("pan","end"),o=i.panEnd(r),s=this._getReboundTransition(r,o);this.updateViewport(o,s,{isDragging:!1,isPanning:!!s})}return!0}_onPanRotate(t){if(!this.dragRotate)return!1;let e=this.getCenter(t),i=this.controllerState.rotate({pos:e},this._getConstraintContext("rotate","update"));return this.updateViewport(i,Wt,{isDragging:!0,isRotating:!0}),!0}_onPanRotateEnd(t){let{inertia:e}=this;if(this.dragRotate&&e&&t.velocity){let i=this.getCenter(t),r=[i[0]+t.velocityX*e/2,i[1]+t.velocityY*e/2],o=this.controllerState.rotate({pos:r}).rotateEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:e,transitionEasing:qa},{isDragging:!1,isRotating:!0})}else{let i=this.controllerState,r=this._getConstraintContext("rotate","end"),o=i.rotateEnd(r),s=this._getReboundTransition(r,o);this.updateViewport(o,s,{isDragging:!1,isRotating:!!s})}return!0}_onWheel(t){if(!this.scrollZoom||this.trackpadGesture&&t.device!=="mouse")return!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;t.srcEvent.preventDefault();let{speed:i=.01,smooth:r=!1}=this.scrollZoom===!0?{}:this.scrollZoom,{delta:o}=t,s=2/(1+Math.exp(-Math.abs(o*i)));o<0&&s!==0&&(s=1/s);let a=this.getZoomPosition(e),c=r?{...this._getTransitionProps({around:a}),transitionDuration:250}:Wt,l=this.controllerState.zoom({pos:a,scale:s});return this.updateViewport(l,c,{isZooming:!0,isPanning:!0}),r||this._setInteractionState({isZooming:!1,isPanning:!1}),!0}_onMultiPanStart(t){let{multiTouchDrag:e}=this;if(!e||!this._isMultiPanEventAllowed(t,e))return!1;let i=t.offsetCenter;if(!this.isPointInBounds(this.getCenter(t),t))return!1;let r=t.pointerType==="trackpad",o={x:i.x-(r?0:t.deltaX),y:i.y-(r?0:t.deltaY)},s={...t,offsetCenter:o},a=this.getCenter(s),c=e==="pan"?this.controllerState.panStart({pos:a},this._getConstraintContext("pan","start")):this.controllerState.rotateStart({pos:a},this._getConstraintContext("rotate","start"));return this._multiPanMode=e,this._multiPanStartCenter=o,this.updateViewport(c,Wt,{isDragging:!0}),!0}_onMultiPan(t){let{mode:e,event:i}=this._getMultiPanEvent(t);return!e||!i||!this.isDragging()?!1:e==="pan"?this._onPanMove(i):this._onPanRotate(i)}_onMultiPanEnd(t){let{mode:e,event:i}=this._getMultiPanEvent(t);if(!e||!i||!this.isDragging())return this._resetMultiPan(),!1;let r=e==="pan"?this._onPanMoveEnd(i):this._onPanRotateEnd(i);return this._resetMultiPan(),r}_isTrackpadGestureAllowed(t){return t.pointerType!=="trackpad"||this.trackpadGesture}_isMultiPanEventAllowed(t,e){return t.pointerType==="trackpad"?this.trackpadGesture&&(e==="pan"?this.dragPan:this.dragRotate):t.pointerType==="touch"&&(e==="pan"?this.dragPan:this.dragRotate)}_getMultiPanEvent(t){let e=this._multiPanMode,i=this._multiPanStartCenter;return!e||!i?{mode:null,event:null}:{mode:e,event:{...t,offsetCenter:{x:i.x+t.deltaX,y:i.y+t.deltaY}}}}_resetMultiPan(){this._multiPanMode=null,this._multiPanStartCenter=null}_onPinchStart(t){this._doubleClickDragAnchor=null;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let i=this.controllerState.zoomStart({pos:this.getZoomPosition(e)},this._getConstraintContext("zoom","start")).rotateStart({pos:e},this._getConstraintContext("rotate","start"));return Ve._startPinchRotation=t.rotation,Ve._lastPinchEvent=t,this.updateViewport(i,Wt,{isDragging:!0}),!0}_onPinch(t){if(!this.touchZoom&&!this.touchRotate||!this.isDragging())return!1;let e=this.controllerState;if(this.touchZoom){let{scale:i}=t,r=this.getCenter(t);e=e.zoom({pos:this.getZoomPosition(r),scale:i},this._getConstraintContext("zoom","update"))}if(this.touchRotate){let{rotation:i}=t;e=e.rotate({deltaAngleX:Ve._startPinchRotation-i},this._getConstraintContext("rotate","update"))}return this.updateViewport(e,Wt,{isDragging:!0,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:this.touchRotate}),Ve._lastPinchEvent=t,!0}_onPinchEnd(t){if(!this.isDragging())return!1;let{inertia:e}=this,{_lastPinchEvent:i}=Ve;if(this.touchZoom&&e&&i&&t.scale!==i.scale){let r=this.getCenter(t),o=this.getZoomPosition(r),s=this.controllerState.rotateEnd(),a=Math.log2(t.scale),c=(a-Math.log2(i.scale))/(t.deltaTime-i.deltaTime),l=Math.pow(2,a+c*e/2);s=s.zoom({pos:o,scale:l}).zoomEnd(),this.updateViewport(s,{...this._getTransitionProps({around:o}),transitionDuration:e,transitionEasing:qa},{isDragging:!1,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:!1}),this.blockEvents(e)}else{let r=this.controllerState,o=this._getConstraintContext("zoom","end"),s=this._getConstraintContext("rotate","end"),a=r.zoomEnd(o).rotateEnd(s),c=this._getReboundTransition(this.touchZoom?o:s,a);this.updateViewport(a,c,{isDragging:!1,isPanning:!!c&&this.touchZoom,isZooming:!!c&&this.touchZoom,isRotating:!!c&&this.touchRotate})}return Ve._startPinchRotation=null,Ve._lastPinchEvent=null,!0}_onDoubleClick(t){if(!this.doubleClickZoom||Date.now()<this._suppressDoubleClickUntil)return!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let i=this.isFunctionKeyPressed(t),r=this.getZoomPosition(e),o=this.controllerState.zoom({pos:r,scale:i?.5:2});return this.updateViewport(o,this._getTransitionProps({around:r}),{isZooming:!0,isPanning:!0}),this.blockEvents(100),!0}_onDoubleClickDragStart(t){if(!this.doubleClickDragZoom)return this._doubleClickDragAnchor=null,!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return this._doubleClickDragAnchor=null,!1;this._doubleClickDragAnchor=this.getZoomPosition(e);let i=this.controllerState.zoomStart({pos:this._doubleClickDragAnchor},this._getConstraintContext("zoom","start"));return t.scale!==1&&(i=i.zoom({pos:this._doubleClickDragAnchor,scale:t.scale},this._getConstraintContext("zoom","update"))),this.updateViewport(i,Wt,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDrag(t){let e=this._doubleClickDragAnchor;if(!e)return!1;let i=this.controllerState.zoom({pos:e,scale:t.scale},this._getConstraintContext("zoom","update"));return this.updateViewport(i,Wt,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDragEnd(t){if(!this._doubleClickDragAnchor)return!1;this._doubleClickDragAnchor=null;let i=this.controllerState,r=this._getConstraintContext("zoom","end"),o=i.zoomEnd(r),s=this._getReboundTransition(r,o);return this.updateViewport(o,s,{isDragging:!1,isPanning:!!s,isZooming:!!s}),this._suppressDoubleClickUntil=Date.now()+100,this.blockEvents(100),!0}_onKeyDown(t){if(!this.keyboard)return!1;let e=this.isFunctionKeyPressed(t),{zoomSpeed:i,moveSpeed:r,rotateSpeedX:o,rotateSpeedY:s}=this.keyboard===!0?{}:this.keyboard,{controllerState:a}=this,c,l={};switch(t.srcEvent.code){case"Minus":c=e?a.zoomOut(i).zoomOut(i):a.zoomOut(i),l.isZooming=!0;break;case"Equal":c=e?a.zoomIn(i).zoomIn(i):a.zoomIn(i),l.isZooming=!0;break;case"ArrowLeft":e?(c=a.rotateLeft(o),l.isRotating=!0):(c=a.moveLeft(r),l.isPanning=!0);break;case"ArrowRight":e?(c=a.rotateRight(o),l.isRotating=!0):(c=a.moveRight(r),l.isPanning=!0);break;case"ArrowUp":e?(c=a.rotateUp(s),l.isRotating=!0):(c=a.moveUp(r),l.isPanning=!0);break;case"ArrowDown":e?(c=a.rotateDown(s),l.isRotating=!0):(c=a.moveDown(r),l.isPanning=!0);break;default:return!1}return this.updateViewport(c,this._getTransitionProps(),l),!0}_getTransitionProps(t){let{transition:e}=this;return!e||!e.transitionInterpolator?Wt:t?{...e,transitionInterpolator:new te({...t,...e.transitionInterpolator.opts,makeViewport:this.controllerState.makeViewport})}:e}};var ee=Symbol("constraintAround"),yi=class{constructor(t,e,i,r){this.makeViewport=i,this._viewportProps=this.applyConstraints(t,r),this._state=e}getViewportProps(){return this._viewportProps}getState(){return this._state}};function go(n,t,e){let i=n-t;return i&&Number.isFinite(i)?t+i*e/(e+Math.abs(i)):t}function yn(n,t,e){let i=ct(at(e?.left??0),n),r=ct(at(e?.right??0),n),o=ct(at(e?.top??0),t),s=ct(at(e?.bottom??0),t);return{x:i,y:o,width:n-i-r,height:t-o-s}}function mo(n,t,e){let[i,r]=n.project(t);return i=Number.isFinite(i)?i:n.width/2,r=Number.isFinite(r)?r:n.height/2,{left:i-e.x,right:e.x+e.width-i,top:r-e.y,bottom:e.y+e.height-r}}var Xh=5,lv=1.2,Kh=512,Jh=[[-1/0,-90],[1/0,90]],fv=1;function xi([n,t]){if(Math.abs(t)>90&&(t=Math.sign(t)*90),Number.isFinite(n)){let[i,r]=st([n,t]);return[i,B(r,0,Kh)]}let[,e]=st([0,t]);return[n,B(e,0,Kh)]}var vi=class extends yi{constructor(t){let{width:e,height:i,latitude:r,longitude:o,zoom:s,bearing:a=0,pitch:c=0,altitude:l=1.5,position:f=[0,0,0],maxZoom:h=20,minZoom:u=0,maxPitch:d=60,minPitch:p=0,startPanLngLat:g,startZoomLngLat:m,startRotatePos:v,startRotateLngLat:_,startBearing:y,startPitch:x,startZoom:w,normalize:P=!0,rubberBand:C=!1}=t,{[ee]:M}=t;D(Number.isFinite(o)),D(Number.isFinite(r)),D(Number.isFinite(s));let S=t.maxBounds||(P?Jh:null),b=t.maxBoundsPadding||null;super({width:e,height:i,latitude:r,longitude:o,zoom:s,bearing:a,pitch:c,altitude:l,maxZoom:h,minZoom:u,maxPitch:d,minPitch:p,normalize:P,position:f,maxBounds:S,maxBoundsPadding:b,rubberBand:C,[ee]:M},{startPanLngLat:g,startZoomLngLat:m,startRotatePos:v,startRotateLngLat:_,startBearing:y,startPitch:x,startZoom:w},t.makeViewport,t.constraintContext),this.getAltitude=t.getAltitude}panStart({pos:t},e){return this._getUpdatedState({startPanLngLat:this._unproject(t)},e)}pan({pos:t,startPos:e},i){let r=this.getState().startPanLngLat||this._unproject(e);if(!r)return this;let s=this.makeViewport(this.getViewportProps()).panByPosition(r,t);return this._getUpdatedState(s,i)}panEnd(t){return this._getUpdatedState({startPanLngLat:null},t)}rotateStart({pos:t}){let e=this.getAltitude?.(t);return this._getUpdatedState({startRotatePos:t,startRotateLngLat:e!==void 0?this._unproject3D(t,e):void 0,startBearing:this.getViewportProps().bearing,startPitch:this.getViewportProps().pitch})}rotate({pos:t,deltaAngleX:e=0,deltaAngleY:i=0}){let{startRotatePos:r,startRotateLngLat:o,startBearing:s,startPitch:a}=this.getState();if(!r||s===void 0||a===void 0)return this;let c;if(t?c=this._getNewRotation(t,r,a,s):c={bearing:s+e,pitch:a+i},o){let l=this.makeViewport({...this.getViewportProps(),...c}),f="panByPosition3D"in l?"panByPosition3D":"panByPosition";return this._getUpdatedState({...c,...l[f](o,r)})}return this._getUpdatedState(c)}rotateEnd(){return this._getUpdatedState({startRotatePos:null,startRotateLngLat:null,startBearing:null,startPitch:null})}zoomStart({pos:t},e){return this._getUpdatedState({startZoomLngLat:this._unproject(t),startZoom:this.getViewportProps().zoom},e)}zoom({pos:t,startPos:e,scale:i},r){let{startZoom:o,startZoomLngLat:s}=this.getState();return s||(o=this.getViewportProps().zoom,s=this._unproject(e)||this._unproject(t)),s?this._getUpdatedState({zoom:o+Math.log2(i),[ee]:{position:s,screenPosition:t}},r):this}zoomEnd(t){return this._getUpdatedState({startZoomLngLat:null,startZoom:null},t)}zoomIn(t=2,e){return this._zoomFromCenter(t,e)}zoomOut(t=2,e){return this._zoomFromCenter(1/t,e)}moveLeft(t=100,e){return this._panFromCenter([t,0],e)}moveRight(t=100,e){return this._panFromCenter([-t,0],e)}moveUp(t=100,e){return this._panFromCenter([0,t],e)}moveDown(t=100,e){return this._panFromCenter([0,-t],e)}rotateLeft(t=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing-t})}rotateRight(t=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing+t})}rotateUp(t=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch+t})}rotateDown(t=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch-t})}shortestPathFrom(t){let e=t.getViewportProps(),i={...this.getViewportProps()},{bearing:r,longitude:o}=i;return Math.abs(r-e.bearing)>180&&(i.bearing=r<0?r+360:r-360),Math.abs(o-e.longitude)>180&&(i.longitude=o<0?o+360:o-360),i}applyConstraints(t,e){let i=t,r=i[ee];delete i[ee];let{maxPitch:o,minPitch:s,pitch:a,bearing:c,normalize:l,maxBounds:f,rubberBand:h}=t;l&&(c<-180||c>180)&&(t.bearing=Kt(c+180,360)-180),t.pitch=B(a,s,o);let u=this._constrainZoom(t.zoom,t),d=h&&e?.mode==="elastic";if(t.zoom=e?.mode==="preserve"?t.zoom:d?go(t.zoom,u,fv):u,r){let p=this.makeViewport(t);Object.assign(t,p.panByPosition(r.position,r.screenPosition))}if(l&&(t.longitude<-180||t.longitude>180)&&(t.longitude=Kt(t.longitude+180,360)-180),f){let p=yn(t.width,t.height,t.maxBoundsPadding),g=this.makeViewport({...t,bearing:0,pitch:0}),m=mo(g,[t.longitude,t.latitude],p),v=xi(f[0]),_=xi(f[1]),y=2**t.zoom,x=[v[0]+m.left/y,v[1]+m.bottom/y],w=[_[0]-m.right/y,_[1]-m.top/y],P=xi([t.longitude,t.latitude]),C=[B(P[0],x[0],w[0]),B(P[1],x[1],w[1])],M=P.slice();if(p.width>=0&&(M[0]=e?.mode==="preserve"?P[0]:d?go(P[0],C[0],p.width/2/y):C[0]),p.height>=0&&(M[1]=e?.mode==="preserve"?P[1]:d?go(P[1],C[1],p.height/2/y):C[1]),M[0]!==P[0]||M[1]!==P[1]){let[S,b]=ut(M);M[0]!==P[0]&&(t.longitude=S),M[1]!==P[1]&&(t.latitude=b)}}return t}_constrainZoom(t,e){e||(e=this.getViewportProps());let{maxZoom:i,maxBounds:r}=e,o=r!==null&&e.width>0&&e.height>0,{minZoom:s}=e;if(o){let a=yn(e.width,e.height,e.maxBoundsPadding),c=xi(r[0]),l=xi(r[1]),f=l[0]-c[0],h=l[1]-c[1];a.width>0&&Number.isFinite(f)&&f>0&&(s=Math.max(s,Math.log2(a.width/f))),a.height>0&&Number.isFinite(h)&&h>0&&(s=Math.max(s,Math.log2(a.height/h))),s>i&&(s=i)}return B(t,s,i)}_zoomFromCenter(t,e){let{width:i,height:r}=this.getViewportProps();return this.zoom({pos:[i/2,r/2],scale:t},e)}_panFromCenter(t,e){let{width:i,height:r}=this.getViewportProps();return this.pan({startPos:[i/2,r/2],pos:[i/2+t[0],r/2+t[1]]},e)}_getUpdatedState(t,e){return new this.constructor({makeViewport:this.makeViewport,...this.getViewportProps(),...this.getState(),...t,constraintContext:e})}_unproject(t){let e=this.makeViewport(this.getViewportProps());return t&&e.unproject(t)}_unproject3D(t,e){return this.makeViewport(this.getViewportProps()).unproject(t,{targetZ:e})}_getNewRotation(t,e,i,r){let o=t[0]-e[0],s=t[1]-e[1],a=t[1],c=e[1],{width:l,height:f}=this.getViewportProps(),h=o/l,u=0;s>0?Math.abs(f-c)>Xh&&(u=s/(c-f)*lv):s<0&&c>Xh&&(u=1-a/c),u=B(u,-1,1);let{minPitch:d,maxPitch:p}=this.getViewportProps(),g=r+180*h,m=i;return u>0?m=i+u*(p-i):u<0&&(m=i-u*(d-i)),{pitch:m,bearing:g}}},_i=class extends Fe{constructor(){super(...arguments),this.ControllerState=vi,this.transition={transitionDuration:300,transitionInterpolator:new te({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch","position"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this.rotationPivot="center",this._getAltitude=t=>{if(this.rotationPivot==="2d")return 0;if(this.rotationPivot==="3d"&&this.pickPosition){let{x:e,y:i}=this.props,r=this.pickPosition(e+t[0],i+t[1]);if(r&&r.coordinate&&r.coordinate.length>=3)return r.coordinate[2]}}}setProps(t){"rotationPivot"in t&&(this.rotationPivot=t.rotationPivot||"center"),t.getAltitude=this._getAltitude,t.position=t.position||[0,0,0],t.maxBounds=t.maxBounds||(t.normalize===!1?null:Jh),super.setProps(t)}updateViewport(t,e=null,i={}){let r=t.getState();i.isDragging&&r.startRotateLngLat?i={...i,rotationPivotPosition:r.startRotateLngLat}:i.isDragging===!1&&(i={...i,rotationPivotPosition:void 0}),super.updateViewport(t,e,i)}};var yo=class extends Ne{constructor(t={}){super(t)}getViewportType(){return Jt}get ControllerType(){return _i}};yo.displayName="MapView";var Pi=yo;var hv=new hn;function uv(n,t){let e=n.order??1/0,i=t.order??1/0;return e-i}var wi=class{constructor(t){this._resolvedEffects=[],this._defaultEffects=[],this.effects=[],this._context=t,this._needsRedraw="Initial render",this._setEffects([])}addDefaultEffect(t){let e=this._defaultEffects;if(!e.find(i=>i.id===t.id)){let i=e.findIndex(r=>uv(r,t)>0);i<0?e.push(t):e.splice(i,0,t),t.setup(this._context),this._setEffects(this.effects)}}setProps(t){"effects"in t&&(W(t.effects,this.effects,1)||this._setEffects(t.effects))}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}getEffects(){return this._resolvedEffects}_setEffects(t){let e={};for(let r of this.effects)e[r.id]=r;let i=[];for(let r of t){let o=e[r.id],s=r;o&&o!==r?o.setProps?(o.setProps(r.props),s=o):o.cleanup(this._context):o||r.setup(this._context),i.push(s),delete e[r.id]}for(let r in e)e[r].cleanup(this._context);this.effects=i,this._resolvedEffects=i.concat(this._defaultEffects),t.some(r=>r instanceof hn)||this._resolvedEffects.push(hv),this._needsRedraw="effects changed"}finalize(){for(let t of this._resolvedEffects)t.cleanup(this._context);this.effects.length=0,this._resolvedEffects.length=0,this._defaultEffects.length=0}};var bi=class extends Xt{shouldDrawLayer(t){let{operation:e}=t.props;return e.includes("draw")||e.includes("terrain")}render(t){return this._render(t)}};var dv="deckRenderer.renderLayers",Ei=class{constructor(t,e={}){this.device=t,this.stats=e.stats,this.layerFilter=null,this.drawPickingColors=!1,this.drawLayersPass=new bi(t),this.pickLayersPass=new ze(t),this.renderCount=0,this._needsRedraw="Initial render",this.renderBuffers=[],this.lastPostProcessEffect=null}setProps(t){this.layerFilter!==t.layerFilter&&(this.layerFilter=t.layerFilter,this._needsRedraw="layerFilter changed"),this.drawPickingColors!==t.drawPickingColors&&(this.drawPickingColors=t.drawPickingColors,this._needsRedraw="drawPickingColors changed")}renderLayers(t){let e=this.drawPickingColors?this.pickLayersPass:this.drawLayersPass,i={layerFilter:this.layerFilter,isPicking:this.drawPickingColors,...t};if(!t.viewports.length){let a=e.render(i),c="stats"in a?a.stats:a;this._updateStats(c);return}i.effects&&this._preRender(i.effects,i);let r=this.lastPostProcessEffect?this.renderBuffers[0]:i.target;this.lastPostProcessEffect&&(i.clearColor=[0,0,0,0],i.clearCanvas=!0);let o=e.render({...i,target:r}),s="stats"in o?o.stats:o;i.effects&&(this.lastPostProcessEffect&&(i.clearCanvas=t.clearCanvas===void 0?!0:t.clearCanvas),this._postRender(i.effects,i)),this.renderCount++,G(dv,this,s,t),this._updateStats(s)}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}finalize(){let{renderBuffers:t}=this;for(let e of t)e.delete();t.length=0}_updateStats(t){if(!this.stats)return;let e=0;for(let{visibleCount:i}of t)e+=i;this.stats.get("Layers rendered").addCount(e)}_preRender(t,e){this.lastPostProcessEffect=null,e.preRenderStats=e.preRenderStats||{};for(let i of t)e.preRenderStats[i.id]=i.preRender(e),i.postRender&&(this.lastPostProcessEffect=i.id);this.lastPostProcessEffect&&this._resizeRenderBuffers(e.canvasContext)}_resizeRenderBuffers(t=this.device.canvasContext){let{renderBuffers:e}=this,i=t.getDrawingBufferSize(),[r,o]=i;e.length===0&&[0,1].map(s=>{let a=this.device.createTexture({sampler:{minFilter:"linear",magFilter:"linear"},width:r,height:o});e.push(this.device.createFramebuffer({id:`deck-renderbuffer-${s}`,colorAttachments:[a]}))});for(let s of e)s.resize(i)}_postRender(t,e){let{renderBuffers:i}=this,r=e.target??e.canvasContext?.getCurrentFramebuffer()??e.target,o={...e,inputBuffer:i[0],swapBuffer:i[1]};for(let s of t)if(s.postRender){o.target=s.id===this.lastPostProcessEffect?r:void 0;let a=s.postRender(o);o.inputBuffer=a,o.swapBuffer=a===i[0]?i[1]:i[0]}}};var pv={pickedColor:null,pickedObjectIndex:-1};function Xa({pickedColors:n,decodePickingColor:t,deviceX:e,deviceY:i,deviceRadius:r,deviceRect:o}){let{x:s,y:a,width:c,height:l}=o,f=r*r,h=-1,u=0;for(let d=0;d<l;d++){let p=d+a-i,g=p*p;if(g>f)u+=4*c;else for(let m=0;m<c;m++){if(n[u+3]-1>=0){let _=m+s-e,y=_*_+g;y<=f&&(f=y,h=u)}u+=4}}if(h>=0){let d=n.slice(h,h+4),p=t(d);if(p){let g=Math.floor(h/4/c),m=h/4-g*c;return{...p,pickedColor:d,pickedX:s+m,pickedY:a+g}}I.error("Picked non-existent layer. Is picking buffer corrupt?")()}return pv}function Ka({pickedColors:n,decodePickingColor:t}){let e=new Map;if(n){for(let i=0;i<n.length;i+=4)if(n[i+3]-1>=0){let o=n.slice(i,i+4),s=o.join(",");if(!e.has(s)){let a=t(o);a?e.set(s,{...a,color:o}):I.error("Picked non-existent layer. Is picking buffer corrupt?")()}}}return Array.from(e.values())}function xo({pickInfo:n,viewports:t,pixelRatio:e,x:i,y:r,z:o}){let s=t[0];t.length>1&&(s=gv(n?.pickedViewports||t,{x:i,y:r}));let a;if(s){let c=[i-s.x,r-s.y];o!==void 0&&(c[2]=o),a=s.unproject(c)}return{color:null,layer:null,viewport:s,index:-1,picked:!1,x:i,y:r,pixel:[i,r],coordinate:a,devicePixel:n&&"pickedX"in n?[n.pickedX,n.pickedY]:void 0,pixelRatio:e}}function Ja(n){let{pickInfo:t,lastPickedInfo:e,mode:i,layers:r}=n,{pickedColor:o,pickedLayer:s,pickedObjectIndex:a}=t,c=s?[s]:[];if(i==="hover"){let h=e.index,u=e.layerId,d=s?s.props.id:null;if(d!==u||a!==h){if(d!==u){let p=r.find(g=>g.props.id===u);p&&c.unshift(p)}e.layerId=d,e.index=a,e.info=null}}let l=xo(n),f=new Map;return f.set(null,l),c.forEach(h=>{let u={...l};h===s&&(u.color=o,u.index=a,u.picked=!0),u=vo({layer:h,info:u,mode:i});let d=u.layer;h===s&&i==="hover"&&(e.info=u),f.set(d.id,u),i==="hover"&&d.updateAutoHighlight(u)}),f}function vo({layer:n,info:t,mode:e}){for(;n&&t;){let i=t.layer||null;t.sourceLayer=i,t.layer=n,t=n.getPickingInfo({info:t,mode:e,sourceLayer:i}),n=n.parent}return t}function gv(n,t){for(let e=n.length-1;e>=0;e--){let i=n[e];if(i.containsPixel(t))return i}return n[0]}var Mi=class{constructor(t,e={}){this._pickable=!0,this.device=t,this.stats=e.stats,this.pickLayersPass=new ze(t),this.lastPickedInfo={index:-1,layerId:null,info:null}}setProps(t){"layerFilter"in t&&(this.layerFilter=t.layerFilter),"_pickable"in t&&(this._pickable=t._pickable)}finalize(){this.pickingFBO&&this.pickingFBO.destroy(),this.depthFBO&&this.depthFBO.destroy()}pickObjectAsync(t){return this._pickClosestObjectAsync(t)}pickObjectsAsync(t){return this._pickVisibleObjectsAsync(t)}pickObject(t){return this._pickClosestObject(t)}pickObjects(t){return this._pickVisibleObjects(t)}getLastPickedObject({x:t,y:e,layers:i,viewports:r},o=this.lastPickedInfo.info){let s=o&&o.layer&&o.layer.id,a=o&&o.viewport&&o.viewport.id,c=s?i.find(u=>u.id===s):null,l=a&&r.find(u=>u.id===a)||r[0],f=l&&l.unproject([t-l.x,e-l.y]);return{...o,...{x:t,y:e,viewport:l,coordinate:f,layer:c}}}_resizeBuffer(t=this.device.getDefaultCanvasContext()){if(!this.pickingFBO){let r=this.device.createTexture({format:"rgba8unorm",width:1,height:1,usage:oe.RENDER_ATTACHMENT|oe.COPY_SRC});if(this.pickingFBO=this.device.createFramebuffer({colorAttachments:[r],depthStencilAttachment:"depth16unorm"}),this.device.isTextureFormatRenderable("rgba32float")){let o=this.device.createTexture({format:"rgba32float",width:1,height:1,usage:oe.RENDER_ATTACHMENT|oe.COPY_SRC}),s=this.device.createFramebuffer({colorAttachments:[o],depthStencilAttachment:"depth16unorm"});this.depthFBO=s}}let[e,i]=t.getDrawingBufferSize();this.pickingFBO?.resize({width:e,height:i}),this.depthFBO?.resize({width:e,height:i})}_getPickable(t){if(this._pickable===!1)return null;let e=t.filter(i=>this.pickLayersPass.shouldDrawLayer(i)&&!i.isComposite);return e.length?e:null}async _pickClosestObjectAsync({layers:t,views:e,viewports:i,x:r,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=f.cssToDeviceRatio(),p=this._getPickable(t);if(!p||i.length===0)return{result:[],emptyInfo:xo({viewports:i,x:r,y:o,pixelRatio:d})};this._resizeBuffer(f);let g=f.cssToDevicePixels([r,o],!0),m=[g.x+Math.floor(g.width/2),g.y+Math.floor(g.height/2)],v=Math.round(s*d),{width:_,height:y}=this.pickingFBO,x=this._getPickingRect({deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceWidth:_,deviceHeight:y}),w={x:r-s,y:o-s,width:s*2+1,height:s*2+1},P,C=[],M=new Set;for(let S=0;S<a;S++){let b;if(x){let T=await this._drawAndSampleAsync({layers:p,views:e,viewports:i,onViewportActive:h,deviceRect:x,cullRect:w,effects:u,pass:`picking:${c}`,canvasContext:f});b=Xa({...T,deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceRect:x})}else b={pickedColor:null,pickedObjectIndex:-1};let R,O=this._getDepthLayers(b,p,l);if(O.length>0){let{pickedColors:T}=await this._drawAndSampleAsync({layers:O,views:e,viewports:i,onViewportActive:h,deviceRect:{x:b.pickedX??m[0],y:b.pickedY??m[1],width:1,height:1},cullRect:w,effects:u,pass:`picking:${c}:z`,canvasContext:f},!0);T[3]&&(R=T[0])}b.pickedLayer&&S+1<a&&(M.add(b.pickedLayer),b.pickedLayer.disablePickingIndex(b.pickedObjectIndex)),P=Ja({pickInfo:b,lastPickedInfo:this.lastPickedInfo,mode:c,layers:p,viewports:i,x:r,y:o,z:R,pixelRatio:d});for(let T of P.values())T.layer&&C.push(T);if(!b.pickedColor)break}for(let S of M)S.restorePickingColors();return{result:C,emptyInfo:P.get(null)}}_pickClosestObject({layers:t,views:e,viewports:i,x:r,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=f.cssToDeviceRatio(),p=this._getPickable(t);if(!p||i.length===0)return{result:[],emptyInfo:xo({viewports:i,x:r,y:o,pixelRatio:d})};this._resizeBuffer(f);let g=f.cssToDevicePixels([r,o],!0),m=[g.x+Math.floor(g.width/2),g.y+Math.floor(g.height/2)],v=Math.round(s*d),{width:_,height:y}=this.pickingFBO,x=this._getPickingRect({deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceWidth:_,deviceHeight:y}),w={x:r-s,y:o-s,width:s*2+1,height:s*2+1},P,C=[],M=new Set;for(let S=0;S<a;S++){let b;if(x){let T=this._drawAndSample({layers:p,views:e,viewports:i,onViewportActive:h,deviceRect:x,cullRect:w,effects:u,pass:`picking:${c}`,canvasContext:f});b=Xa({...T,deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceRect:x})}else b={pickedColor:null,pickedObjectIndex:-1};let R,O=this._getDepthLayers(b,p,l);if(O.length>0){let{pickedColors:T}=this._drawAndSample({layers:O,views:e,viewports:i,onViewportActive:h,deviceRect:{x:b.pickedX??m[0],y:b.pickedY??m[1],width:1,height:1},cullRect:w,effects:u,pass:`picking:${c}:z`,canvasContext:f},!0);T[3]&&(R=T[0])}b.pickedLayer&&S+1<a&&(M.add(b.pickedLayer),b.pickedLayer.disablePickingIndex(b.pickedObjectIndex)),P=Ja({pickInfo:b,lastPickedInfo:this.lastPickedInfo,mode:c,layers:p,viewports:i,x:r,y:o,z:R,pixelRatio:d});for(let T of P.values())T.layer&&C.push(T);if(!b.pickedColor)break}for(let S of M)S.restorePickingColors();return{result:C,emptyInfo:P.get(null)}}async _pickVisibleObjectsAsync({layers:t,views:e,viewports:i,x:r,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=this._getPickable(t);if(!d||i.length===0)return[];this._resizeBuffer(f);let p=f.cssToDeviceRatio(),g=f.cssToDevicePixels([r,o],!0),m=g.x,v=g.y+g.height,_=f.cssToDevicePixels([r+s,o+a],!0),y=_.x+_.width,x=_.y,w={x:m,y:x,width:y-m,height:v-x},P=await this._drawAndSampleAsync({layers:d,views:e,viewports:i,onViewportActive:h,deviceRect:w,cullRect:{x:r,y:o,width:s,height:a},effects:u,pass:`picking:${c}`,canvasContext:f}),C=Ka(P),M=new Map,S=[],b=Number.isFinite(l);for(let R=0;R<C.length&&!(b&&S.length>=l);R++){let O=C[R],T={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:r,y:o,pixelRatio:p};T=vo({layer:O.pickedLayer,info:T,mode:c});let k=T.layer.id;M.has(k)||M.set(k,new Set);let Z=M.get(k),et=T.object??T.index;Z.has(et)||(Z.add(et),S.push(T))}return S}_pickVisibleObjects({layers:t,views:e,viewports:i,x:r,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=this._getPickable(t);if(!d||i.length===0)return[];this._resizeBuffer(f);let p=f.cssToDeviceRatio(),g=f.cssToDevicePixels([r,o],!0),m=g.x,v=g.y+g.height,_=f.cssToDevicePixels([r+s,o+a],!0),y=_.x+_.width,x=_.y,w={x:m,y:x,width:y-m,height:v-x},P=this._drawAndSample({layers:d,views:e,viewports:i,onViewportActive:h,deviceRect:w,cullRect:{x:r,y:o,width:s,height:a},effects:u,pass:`picking:${c}`,canvasContext:f}),C=Ka(P),M=new Map,S=[],b=Number.isFinite(l);for(let R=0;R<C.length&&!(b&&S.length>=l);R++){let O=C[R],T={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:r,y:o,pixelRatio:p};T=vo({layer:O.pickedLayer,info:T,mode:c});let k=T.layer.id;M.has(k)||M.set(k,new Set);let Z=M.get(k),et=T.object??T.index;Z.has(et)||(Z.add(et),S.push(T))}return S}async _drawAndSampleAsync({layers:t,views:e,viewports:i,onViewportActive:r,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let h=f?this.depthFBO:this.pickingFBO,u={layers:t,layerFilter:this.layerFilter,views:e,viewports:i,onViewportActive:r,pickingFBO:h,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let w of a)w.useInPicking&&(u.preRenderStats[w.id]=w.preRender(u));let{decodePickingColor:d,stats:p}=this.pickLayersPass.render(u);this._updateStats(p);let{x:g,y:m,width:v,height:_}=o,y=h.colorAttachments[0]?.texture;if(!y)throw new Error("Picking framebuffer color attachment is missing");let x=await this._readTextureDataAsync(y,{x:g,y:m,width:v,height:_},f?Float32Array:Uint8Array);if(!f){let w=!1;for(let P=3;P<x.length;P+=4)if(x[P]!==0){w=!0;break}!w&&x.length>0&&I.warn("Async pick readback returned only zero alpha values",{deviceRect:o,bytes:Array.from(x.subarray(0,Math.min(x.length,16)))})()}return{pickedColors:x,decodePickingColor:d}}async _readTextureDataAsync(t,e,i){let{width:r,height:o}=e,s=t.computeMemoryLayout(e),a=this.device.createBuffer({byteLength:s.byteLength,usage:J.COPY_DST|J.MAP_READ});try{t.readBuffer(e,a);let c=await a.readAsync(0,s.byteLength),l=i.BYTES_PER_ELEMENT;if(s.bytesPerRow%l!==0)throw new Error(`Texture readback row stride ${s.bytesPerRow} is not aligned to ${l}-byte elements.`);let f=new i(c.buffer,c.byteOffset,s.byteLength/l),h=r*4,u=s.bytesPerRow/l;if(u<h)throw new Error(`Texture readback row stride ${u} is smaller than packed row length ${h}.`);let d=new i(r*o*4);for(let p=0;p<o;p++){let g=p*u;d.set(f.subarray(g,g+h),p*h)}return d}finally{a.destroy()}}_drawAndSample({layers:t,views:e,viewports:i,onViewportActive:r,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let h=f?this.depthFBO:this.pickingFBO,u={layers:t,layerFilter:this.layerFilter,views:e,viewports:i,onViewportActive:r,pickingFBO:h,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let x of a)x.useInPicking&&(u.preRenderStats[x.id]=x.preRender(u));let{decodePickingColor:d,stats:p}=this.pickLayersPass.render(u);this._updateStats(p);let{x:g,y:m,width:v,height:_}=o,y=new(f?Float32Array:Uint8Array)(v*_*4);return this.device.readPixelsToArrayWebGL(h,{sourceX:g,sourceY:m,sourceWidth:v,sourceHeight:_,target:y}),{pickedColors:y,decodePickingColor:d}}_updateStats(t){if(!this.stats)return;let e=0;for(let{visibleCount:i}of t)e+=i;this.stats.get("Layers picked").addCount(e)}_getDepthLayers(t,e,i){if(!i||!this.depthFBO)return[];let{pickedLayer:r}=t,o=r?.state?.terrainDrawMode==="drape";return r&&!o?[r]:e.filter(s=>s.props.operation.includes("terrain"))}_getPickingRect({deviceX:t,deviceY:e,deviceRadius:i,deviceWidth:r,deviceHeight:o}){let s=Math.max(0,t-i),a=Math.max(0,e-i),c=Math.min(r,t+i+1)-s,l=Math.min(o,e+i+1)-a;return c<=0||l<=0?null:{x:s,y:a,width:c,height:l}}};var mv={"top-left":{top:0,left:0},"top-right":{top:0,right:0},"bottom-left":{bottom:0,left:0},"bottom-right":{bottom:0,right:0},fill:{top:0,left:0,bottom:0,right:0}},yv="top-left",Qh="root",_o=class{constructor({deck:t,parentElement:e}){this.defaultWidgets=[],this.widgets=[],this.resolvedWidgets=[],this.containers={},this.lastViewports={},this.deck=t,e?.classList.add("deck-widget-container"),this.parentElement=e}getWidgets(){return this.resolvedWidgets}setProps(t){if(t.widgets&&!W(t.widgets,this.widgets,1)){let e=t.widgets.filter(Boolean);this._setWidgets(e)}}finalize(){for(let t of this.getWidgets())this._removeWidget(t);this.defaultWidgets.length=0,this.resolvedWidgets.length=0;for(let t in this.containers)this.containers[t].remove()}addDefault(t){this.defaultWidgets.find(e=>e.id===t.id)||(this._addWidget(t),this.defaultWidgets.push(t),this._setWidgets(this.widgets))}onRedraw({viewports:t,layers:e}){let i=t.reduce((r,o)=>(r[o.id]=o,r),{});for(let r of this.getWidgets()){let{viewId:o}=r;if(o){let s=i[o];s&&(r.onViewportChange&&r.onViewportChange(s),r.onRedraw?.({viewports:[s],layers:e}))}else{if(r.onViewportChange)for(let s of t)r.onViewportChange(s);r.onRedraw?.({viewports:t,layers:e})}}this.lastViewports=i,this._updateContainers()}onHover(t,e){for(let i of this.getWidgets()){let{viewId:r}=i;(!r||r===t.viewport?.id)&&i.onHover?.(t,e)}}getCanvasBounds(t){let i=this.deck?.getCanvas?.()?.getBoundingClientRect(),r=this.parentElement?.getBoundingClientRect(),o=this.deck?.getCanvasContext?.(t?.id);if(o&&r){o.updatePosition();let[s,a]=o.getPosition(),[c,l]=o.getCSSSize();return{x:s-r.left,y:a-r.top,width:c,height:l}}return{x:i&&r?i.left-r.left:0,y:i&&r?i.top-r.top:0,width:i?.width||this.deck?.width||0,height:i?.height||this.deck?.height||0}}onEvent(t,e){let i=cn[e.type];if(i)for(let r of this.getWidgets()){let{viewId:o}=r;(!o||o===t.viewport?.id)&&r[i]?.(t,e)}}_setWidgets(t){let e={};for(let i of this.resolvedWidgets)e[i.id]=i;this.resolvedWidgets.length=0;for(let i of this.defaultWidgets)e[i.id]=null,this.resolvedWidgets.push(i);for(let i of t){let r=e[i.id];r?r.viewId!==i.viewId||r.placement!==i.placement?(this._removeWidget(r),this._addWidget(i)):i!==r&&(r.setProps(i.props),i=r):this._addWidget(i),e[i.id]=null,this.resolvedWidgets.push(i)}for(let i in e){let r=e[i];r&&this._removeWidget(r)}this.widgets=t}_addWidget(t){let{viewId:e=null,placement:i=yv}=t,r=t.props._container??e;t.widgetManager=this,t.deck=this.deck,t.rootElement=t._onAdd({deck:this.deck,viewId:e}),t.rootElement&&this._getContainer(r,i).append(t.rootElement),t.updateHTML()}_removeWidget(t){t.onRemove?.(),t.rootElement&&t.rootElement.remove(),t.rootElement=void 0,t.deck=void 0,t.widgetManager=void 0}_getContainer(t,e){if(t&&typeof t!="string")return t;let i=t||Qh,r=this.containers[i];r||(r=document.createElement("div"),r.style.pointerEvents="none",r.style.position="absolute",r.style.overflow="hidden",this.parentElement?.append(r),this.containers[i]=r);let o=r.querySelector(`.${e}`);return o||(o=globalThis.document.createElement("div"),o.className=e,o.style.position="absolute",o.style.zIndex="2",Object.assign(o.style,mv[e]),r.append(o)),o}_updateContainers(){for(let t in this.containers){let e=this.lastViewports[t]||null,i=t===Qh||e,r=this.containers[t];if(i){let o=this._getContainerBounds(e);r.style.display="block",r.style.left=`${o.x}px`,r.style.top=`${o.y}px`,r.style.width=`${o.width}px`,r.style.height=`${o.height}px`}else r.style.display="none"}}_getContainerBounds(t){if(!t)return{x:0,y:0,width:this.parentElement?.clientWidth||this.deck.width,height:this.parentElement?.clientHeight||this.deck.height};let e=this.getCanvasBounds(t);return{x:e.x+t.x,y:e.y+t.y,width:t.width,height:t.height}}};function Qa(n,t){t&&Object.entries(t).map(([e,i])=>{e.startsWith("--")?n.style.setProperty(e,i):n.style[e]=i})}function tu(n,t){t&&Object.keys(t).map(e=>{e.startsWith("--")?n.style.removeProperty(e):n.style[e]=""})}var xn=class{constructor(t){this.viewId=null,this.props={...this.constructor.defaultProps,...t},this.id=this.props.id}setProps(t){let e=this.props,i=this.rootElement;i&&e.className!==t.className&&(e.className&&i.classList.remove(e.className),t.className&&i.classList.add(t.className)),i&&!W(e.style,t.style,1)&&(tu(i,e.style),Qa(i,t.style)),Object.assign(this.props,t),this.updateHTML()}updateHTML(){this.rootElement&&this.onRenderHTML(this.rootElement)}get viewIds(){return this.viewId?[this.viewId]:this.deck?.getViews().map(t=>t.id)??[]}getViewState(t){return this.deck?.viewManager?.getViewState(t)||{}}setViewState(t,e){this.deck?._onViewStateChange({viewId:t,viewState:e,interactionState:{}})}onCreateRootElement(){let t=["deck-widget",this.className,this.props.className],e=document.createElement("div");return t.filter(i=>typeof i=="string"&&i.length>0).forEach(i=>e.classList.add(i)),Qa(e,this.props.style),e}_onAdd(t){return this.onAdd(t)??this.onCreateRootElement()}onAdd(t){}onRemove(){}onViewportChange(t){}onRedraw(t){}onHover(t,e){}onClick(t,e){}onDrag(t,e){}onDragStart(t,e){}onDragEnd(t,e){}};xn.defaultProps={id:"widget",style:{},_container:null,className:""};var xv={zIndex:"1",position:"absolute",pointerEvents:"none",color:"#a0a7b4",backgroundColor:"#29323c",padding:"10px",top:"0",left:"0",display:"none"},Si=class extends xn{constructor(t={}){super(t),this.id="default-tooltip",this.placement="fill",this.className="deck-tooltip",this.isVisible=!1,this.setProps(t)}onCreateRootElement(){let t=document.createElement("div");return t.className=this.className,Object.assign(t.style,xv),t}onRenderHTML(t){}onViewportChange(t){this.isVisible&&t.id===this.lastViewport?.id&&!t.equals(this.lastViewport)&&this.setTooltip(null),this.lastViewport=t}onHover(t){let{deck:e}=this,i=e&&e.props.getTooltip;if(!i)return;let r=i(t),o=this.widgetManager?.getCanvasBounds(t.viewport),s=t.x+(o?.x||0),a=t.y+(o?.y||0);this.setTooltip(r,s,a)}setTooltip(t,e,i){let r=this.rootElement;if(r){if(typeof t=="string")r.innerText=t;else if(t)t.text&&(r.innerText=t.text),t.html&&(r.innerHTML=t.html),t.className&&(r.className=t.className);else{this.isVisible=!1,r.style.display="none";return}this.isVisible=!0,r.style.display="block",r.style.transform=`translate(${e}px, ${i}px)`,t&&typeof t=="object"&&"style"in t&&Object.assign(r.style,t.style)}}};Si.defaultProps={...xn.defaultProps};var Ci=class{constructor(t){this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap,this._createEventManager=t.createEventManager,this._getEventRoot=t.getEventRoot}finalize(){for(let t of Object.values(this.targets))t.eventManager.destroy(),t.presentationContext.destroy();this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap}syncCanvasEntries(t){let e=this._normalizeCanvasList(t.canvases),i={},r=[],o=new Map;for(let{canvas:a}of e){let c=this._getEventRoot(a);o.set(c,(o.get(c)||0)+1)}for(let{id:a,canvas:c}of e){let l=this._getEventRoot(c),f=o.get(l)===1?l:c,h=this.targets[a];if(!h||h.device!==t.device||h.canvas!==c||h.eventRoot!==f){h?.eventManager.destroy(),h?.presentationContext.destroy();let u=t.device.createPresentationContext({id:a,canvas:c,useDevicePixels:t.useDevicePixels,autoResize:!0});h={id:a,device:t.device,canvas:c,eventRoot:f,presentationContext:u,eventManager:this._createEventManager(f)}}this._eventRootToCanvasId.set(f,a),this._eventRootToCanvasId.set(c,a),i[a]=h,r.push(a)}for(let[a,c]of Object.entries(this.targets))i[a]||(c.eventManager.destroy(),c.presentationContext.destroy());this.targets=i,this.order=r;let s=Object.fromEntries(Object.entries(i).map(([a,c])=>[a,c.eventManager]));this._haveSameEventManagers(s)||(this.eventManagers=s)}getCanvasIdFromEvent(t){return t?this._eventRootToCanvasId.get(t):void 0}getTarget(t){return this.targets[t||this.order[0]||ye]||null}_normalizeCanvasList(t=[]){let e=new Set;return t.map((i,r)=>{let o,s;return typeof i=="string"?(o=document.getElementById(i),D(o,`Canvas with id ${i} not found`),s=i):(o=i,s=o.id||`deckgl-canvas-${r}`),D(!e.has(s),`Duplicate canvas id ${s}`),e.add(s),{id:s,canvas:o}})}_haveSameEventManagers(t){let e=Object.keys(t),i=Object.keys(this.eventManagers);return e.length===i.length&&e.every(r=>t[r]===this.eventManagers[r])}};function ne(){}var vv=({isDragging:n})=>n?"grabbing":"grab",eu={id:"",width:"100%",height:"100%",style:null,viewState:null,initialViewState:null,pickingRadius:0,pickAsync:"auto",layerFilter:null,parameters:{},parent:null,device:null,deviceProps:{},gl:null,canvas:null,_canvases:null,layers:[],effects:[],views:null,controller:null,useDevicePixels:!0,touchAction:"none",eventRecognizerOptions:{},_framebuffer:null,_animate:!1,_pickable:!0,_typedArrayManagerProps:{},_customRender:null,widgets:[],onDeviceInitialized:ne,onWebGLInitialized:ne,onResize:ne,onViewStateChange:ne,onInteractionStateChange:ne,onBeforeRender:ne,onAfterRender:ne,onLoad:ne,onError:n=>I.error(n.message,n.cause)(),onHover:null,onClick:null,onDragStart:null,onDrag:null,onDragEnd:null,_onMetrics:null,getCursor:vv,getTooltip:null,debug:!1,drawPickingColors:!1},Ti=class{constructor(t){this.width=0,this.height=0,this.userData={},this.device=null,this.canvas=null,this.viewManager=null,this.layerManager=null,this.effectManager=null,this.deckRenderer=null,this.deckPicker=null,this.eventManager=null,this.eventManagers={},this.widgetManager=null,this.tooltip=null,this.animationLoop=null,this._canvasContext=null,this._deviceResizeHandler=null,this.cursorState={isHovering:!1,isDragging:!1},this.stats=new mr({id:"deck.gl"}),this.metrics={fps:0,setPropsTime:0,layersCount:0,drawLayersCount:0,updateLayersCount:0,updateAttributesCount:0,updateAttributesTime:0,framesRedrawn:0,pickTime:0,pickCount:0,pickLayersCount:0,gpuTime:0,gpuTimePerFrame:0,cpuTime:0,cpuTimePerFrame:0,bufferMemory:0,textureMemory:0,renderbufferMemory:0,gpuMemory:0},this._metricsCounter=0,this._hoverPickSequence=0,this._pointerDownPickSequence=0,this._needsRedraw="Initial render",this._canvasManager=new Ci({createEventManager:r=>this._createEventManager(r),getEventRoot:r=>this._getEventRoot(r)}),this._ownedCanvas=null,this._pickRequest={mode:"hover",x:-1,y:-1,radius:0,canvasId:void 0,event:null,unproject3D:!1},this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this._onPointerMove=r=>{let{_pickRequest:o}=this,s=this._getCanvasIdFromEvent(r);if(r.type==="pointerleave")o.x=-1,o.y=-1,o.radius=0,o.canvasId=s;else{if(r.leftButton||r.rightButton)return;{let a=r.offsetCenter;if(!a)return;o.x=a.x,o.y=a.y,o.radius=this.props.pickingRadius,o.canvasId=s}}this.layerManager&&(this.layerManager.context.mousePosition={x:o.x,y:o.y}),o.event=r},this._onEvent=r=>{let o=cn[r.type],s=r.offsetCenter,a=this._getCanvasIdFromEvent(r);if(!o||!s||!this.layerManager)return;let c=this.layerManager.getLayers(),l=this._getInternalPickingMode();if(!l)return;if(l==="sync"){let h=r.type==="click"&&this._shouldUnproject3D(c)?this._getFirstPickedInfo(this._pickPointSync(this._getPointPickOptions(s.x,s.y,{unproject3D:!0,canvasId:a},c))):this._getLastPointerDownPickingInfo(s.x,s.y,a,c);this._dispatchPickingEvent(h,r);return}(this._lastPointerDownInfoPromise||Promise.resolve(this._getLastPointerDownPickingInfo(s.x,s.y,a,c))).then(h=>{this._dispatchPickingEvent(h,r)}).catch(h=>this.props.onError?.(h))},this._onPointerDown=r=>{let o=r.offsetCenter,s=this._getCanvasIdFromEvent(r);if(!o)return;let a=this._getInternalPickingMode();if(!a)return;let c=this.layerManager?.getLayers()||[],l=++this._pointerDownPickSequence;if(a==="sync"){let h=this._pickPointSync({x:o.x,y:o.y,canvasId:s,radius:this.props.pickingRadius}),u=this._getFirstPickedInfo(h);this._lastPointerDownInfo=u,this._lastPointerDownInfoPromise=Promise.resolve(u);return}let f=this._pickPointAsync(this._getPointPickOptions(o.x,o.y,{canvasId:s},c)).then(h=>this._getFirstPickedInfo(h)).then(h=>(l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=h),h)).catch(h=>{this.props.onError?.(h);let u=this.deckPicker&&this.viewManager?this._getLastPointerDownPickingInfo(o.x,o.y,s,c):{};return l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=u),u});this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=f};let e=t;this.props={...eu,...t},t=this.props,this._validateCanvasConfiguration(t),t.viewState&&t.initialViewState&&I.warn("View state tracking is disabled. Use either `initialViewState` for auto update or `viewState` for manual update.")(),this.viewState=this.props.initialViewState,t.device&&(this.device=t.device,this._setDeviceCanvasContext(t.device));let i=this.device;!i&&t.gl&&(t.gl instanceof WebGLRenderingContext&&I.error("WebGL1 context not supported.")(),i=_r.attach(t.gl,{_cacheShaders:!0,_cachePipelines:!0,...this.props.deviceProps})),i||(i=this._createDevice(t)),this.animationLoop=this._createAnimationLoop(i,t),this.setProps(e),t._typedArrayManagerProps&&St.setOptions(t._typedArrayManagerProps),this.animationLoop.start()}finalize(){this._restoreDeviceResizeHandler(),this.animationLoop?.stop(),this.animationLoop?.destroy(),this.animationLoop=null,this._hoverPickSequence++,this._pointerDownPickSequence++,this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this.layerManager?.finalize(),this.layerManager=null,this.viewManager?.finalize(),this.viewManager=null,this.effectManager?.finalize(),this.effectManager=null,this.deckRenderer?.finalize(),this.deckRenderer=null,this.deckPicker?.finalize(),this.deckPicker=null,Object.keys(this._canvasManager.targets).length||this.eventManager?.destroy(),this.eventManager=null,this.eventManagers={},this.widgetManager?.finalize(),this.widgetManager=null,this._canvasManager.finalize(),this._isMultiCanvasMode()?this.canvas=null:this.canvas&&this.canvas===this._ownedCanvas&&(this.canvas.parentElement?.removeChild(this.canvas),this.canvas=null,this._ownedCanvas=null),this._canvasContext=null}setProps(t){this.stats.get("setProps Time").timeStart(),"onLayerHover"in t&&I.removed("onLayerHover","onHover")(),"onLayerClick"in t&&I.removed("onLayerClick","onClick")(),t.initialViewState&&!W(this.props.initialViewState,t.initialViewState,3)&&(this.viewState=t.initialViewState),D(!("_canvases"in t)||Array.isArray(t._canvases)===this._isMultiCanvasMode()),Object.assign(this.props,t),this._validateCanvasConfiguration(this.props),this._validateInternalPickingMode(),this.device&&this._isMultiCanvasMode()&&this._syncCanvasTargets(),this._setCanvasSize(this.props);let e=Object.create(this.props);if(Object.assign(e,{views:this._getViews(),width:this.width,height:this.height,viewState:this._getViewState(),eventManagers:this.eventManagers}),t.device&&t.device.id!==this.device?.id){let i=t.device.getDefaultCanvasContext();this.animationLoop?.stop(),!this._isMultiCanvasMode()&&this.canvas!==i.canvas&&(this.canvas?.remove(),this.eventManager?.destroy(),this.canvas=null),this._setDeviceCanvasContext(t.device),I.log(`recreating animation loop for new device! id=${t.device.id}`)(),this.animationLoop=this._createAnimationLoop(t.device,t),this.animationLoop.start()}if(this.animationLoop?.setProps(e),t.useDevicePixels!==void 0&&this._canvasContext?.setProps){this._canvasContext.setProps({useDevicePixels:t.useDevicePixels});for(let i of Object.values(this._canvasManager.targets))i.presentationContext.setProps({useDevicePixels:t.useDevicePixels})}this.layerManager&&(this.viewManager.setProps(e),this.layerManager.activateViewport(this.getViewports()[0]),this.layerManager.setProps(e),this.effectManager.setProps(e),this.deckRenderer.setProps(e),this.deckPicker.setProps(e),this.widgetManager.setProps(e)),this.stats.get("setProps Time").timeEnd()}needsRedraw(t={clearRedrawFlags:!1}){if(!this.layerManager)return!1;if(this.props._animate)return"Deck._animate";let e=this._needsRedraw;t.clearRedrawFlags&&(this._needsRedraw=!1);let i=this.viewManager.needsRedraw(t),r=this.layerManager.needsRedraw(t),o=this.effectManager.needsRedraw(t),s=this.deckRenderer.needsRedraw(t);return e=e||i||r||o||s,e}redraw(t){if(!this.layerManager)return;let e=this.needsRedraw({clearRedrawFlags:!0});e=t||e,e&&(this.stats.get("Redraw Count").incrementCount(),this.props._customRender?this.props._customRender(e):this._drawLayers(e))}get isInitialized(){return this.viewManager!==null}getViews(){return D(this.viewManager),this.viewManager.views}getView(t){return D(this.viewManager),this.viewManager.getView(t)}getViewports(t){return D(this.viewManager),this.viewManager.getViewports(t)}getCanvas(){return this.canvas}getCanvasContext(t){let e=t?this.viewManager?.getView(t)?.props.canvasId:void 0;return this._getCanvasContext(e)}getEventManager(t){if(!t||!this.viewManager)return this.eventManager;let e=this.viewManager.getCanvasId(t)||ye;return this.eventManagers[e]||this.eventManager}async pickObjectAsync(t){let e=(await this._pickAsync("pickObjectAsync","pickObject Time",t)).result;return e.length?e[0]:null}async pickObjectsAsync(t){return await this._pickAsync("pickObjectsAsync","pickObjects Time",t)}pickObject(t){let e=this._pick("pickObject","pickObject Time",t).result;return e.length?e[0]:null}pickMultipleObjects(t){return t.depth=t.depth||10,this._pick("pickObject","pickMultipleObjects Time",t).result}pickObjects(t){return this._pick("pickObjects","pickObjects Time",t)}_pickPositionForController(t,e,i){return this._getInternalPickingMode()!=="sync"?null:this.pickObject({x:t,y:e,radius:0,unproject3D:!0,canvasId:i?this.viewManager?.getCanvasId(i):void 0})}_addResources(t,e=!1){for(let i in t)this.layerManager.resourceManager.add({resourceId:i,data:t[i],forceUpdate:e})}_removeResources(t){for(let e of t)this.layerManager.resourceManager.remove(e)}_addDefaultEffect(t){this.effectManager.addDefaultEffect(t)}_addDefaultShaderModule(t){this.layerManager.addDefaultShaderModule(t)}_removeDefaultShaderModule(t){this.layerManager?.removeDefaultShaderModule(t)}_resolveInternalPickingMode(){let{pickAsync:t}=this.props,e=this.device?.type||this.props.deviceProps?.type;if(t==="auto")return e==="webgpu"?"async":"sync";if(t==="sync"&&e==="webgpu")throw new Error('`pickAsync: "sync"` is not supported when Deck is using a WebGPU device.');return t}_getInternalPickingMode(){try{return this._resolveInternalPickingMode()}catch(t){return this.props.onError?.(t),null}}_validateInternalPickingMode(){this._getInternalPickingMode()}_getFirstPickedInfo({result:t,emptyInfo:e}){return t[0]||e}_shouldUnproject3D(t=this.layerManager?.getLayers()||[]){return t.some(e=>e.props.pickable==="3d")}_getPointPickOptions(t,e,i={},r=this.layerManager?.getLayers()||[]){return{x:t,y:e,canvasId:i.canvasId,radius:this.props.pickingRadius,unproject3D:this._shouldUnproject3D(r),...i}}_pickPointSync(t){return this._pick("pickObject","pickObject Time",t)}_pickPointAsync(t){return this._pickAsync("pickObjectAsync","pickObject Time",t)}_getLastPointerDownPickingInfo(t,e,i,r=this.layerManager?.getLayers()||[]){return this.deckPicker.getLastPickedObject({x:t,y:e,layers:r,viewports:this.getViewports({x:t,y:e,canvasId:i})},this._lastPointerDownInfo)}_applyHoverCallbacks({result:t,emptyInfo:e},i){if(!this.widgetManager)return;this.cursorState.isHovering=t.length>0;let r=e,o=!1;for(let s of t)r=s,o=s.layer?.onHover(s,i)||o;o||(this.props.onHover?.(r,i),this.widgetManager.onHover(r,i))}_dispatchPickingEvent(t,e){if(!this.layerManager||!this.widgetManager)return;let i=cn[e.type];if(!i)return;let{layer:r}=t,o=r&&(r[i]||r.props[i]),s=this.props[i],a=!1;o&&(a=o.call(r,t,e)),a||(s?.(t,e),this.widgetManager.onEvent(t,e))}_pickAsync(t,e,i){D(this.deckPicker);let{stats:r}=this,o=this._isMultiCanvasMode()?i.canvasId||this._getDefaultCanvasId():i.canvasId,s=this._getCanvasContext(o)||void 0;r.get("Pick Count").incrementCount(),r.get(e).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[t]({layers:this.layerManager.getLayers(i),views:this.viewManager.getViews(),viewports:this.getViewports({...i,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...i,canvasId:o,canvasContext:s});return r.get(e).timeEnd(),a}_pick(t,e,i){D(this.deckPicker);let{stats:r}=this,o=this._isMultiCanvasMode()?i.canvasId||this._getDefaultCanvasId():i.canvasId,s=this._getCanvasContext(o)||void 0;r.get("Pick Count").incrementCount(),r.get(e).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[t]({layers:this.layerManager.getLayers(i),views:this.viewManager.getViews(),viewports:this.getViewports({...i,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...i,canvasId:o,canvasContext:s});return r.get(e).timeEnd(),a}_createCanvas(t){let e=t.canvas;return typeof e=="string"&&(e=document.getElementById(e),D(e)),e?this._ownedCanvas=null:(e=document.createElement("canvas"),e.id=t.id||"deckgl-overlay",t.width&&typeof t.width=="number"&&(e.width=t.width),t.height&&typeof t.height=="number"&&(e.height=t.height),(t.parent||document.body).appendChild(e),this._ownedCanvas=e),Object.assign(e.style,t.style),e}_isMultiCanvasMode(){return Array.isArray(this.props._canvases)}_getDefaultCanvasId(){return this._canvasManager.order[0]||ye}_validateCanvasConfiguration(t){Array.isArray(t._canvases)&&(D(!t.canvas),D(!t.gl),D(!t.device?.canvasContext||t.device.getDefaultCanvasContext().offscreenCanvas))}_createEventManager(t){let e=new ii(t,{touchAction:this.props.touchAction,recognizers:Object.keys(Da).map(i=>{let[r,o,s,a]=Da[i],c=this.props.eventRecognizerOptions?.[i],l={...o,...c,event:i};return{recognizer:new r(l),recognizeWith:s,requireFailure:a}}),events:{pointerdown:this._onPointerDown,pointermove:this._onPointerMove,pointerleave:this._onPointerMove}});for(let i in cn)i==="dblclick"?e.watch(i,this._onEvent):e.on(i,this._onEvent);return e}_getEventRoot(t){return t.closest(".deck-events-root")||this.props.parent?.querySelector(".deck-events-root")||t}_syncCanvasTargets(){if(!this.device||!this._isMultiCanvasMode())return;this._canvasManager.syncCanvasEntries({device:this.device,canvases:this.props._canvases||[],useDevicePixels:this.props.useDevicePixels}),this.eventManagers=this._canvasManager.eventManagers;let t=this._getDefaultCanvasId();this.eventManager=this.eventManagers[t]||null,this.canvas=this._canvasManager.targets[t]?.canvas||null}_setCanvasContext(t){this._canvasContext=t,"style"in t.canvas&&(this.canvas=t.canvas)}_setDeviceCanvasContext(t,e={}){let i=t.getDefaultCanvasContext();this._setCanvasContext(i),this._setDeviceResizeHandler(t,e)}_setDeviceResizeHandler(t,e={}){let i=!!e.syncDrawingBuffer;if(this._deviceResizeHandler?.device===t){this._deviceResizeHandler.syncDrawingBuffer=i;return}this._restoreDeviceResizeHandler();let r=o=>{this._isMultiCanvasMode()?this._updateMultiCanvasDimensions():o===this._canvasContext&&this._canvasContext&&this._onCanvasContextResize(this._canvasContext,{syncDrawingBuffer:this._deviceResizeHandler?.syncDrawingBuffer})};t.props.onResize=r,this._deviceResizeHandler={device:t,onResize:r,syncDrawingBuffer:i}}_restoreDeviceResizeHandler(){let t=this._deviceResizeHandler;t&&t.device.props?.onResize===t.onResize&&(t.device.props.onResize=ne),this._deviceResizeHandler=null}_setCanvasSize(t){if(this._isMultiCanvasMode()||!this.canvas)return;let{width:e,height:i}=t;if(e||e===0){let r=Number.isFinite(e)?`${e}px`:e;this.canvas.style.width=r}if(i||i===0){let r=Number.isFinite(i)?`${i}px`:i;this.canvas.style.position=t.style?.position||"absolute",this.canvas.style.height=r}}_getCanvasIdFromEvent(t){return this._canvasManager.getCanvasIdFromEvent(t?.rootElement)}_getCanvasContext(t){return this._canvasManager.getTarget(t)?.presentationContext||this._canvasContext}_resizeForCanvasTarget(t){let e=this._canvasManager.getTarget(t);if(!e||!this.device?.canvasContext)return;let[i,r]=e.presentationContext.getDrawingBufferSize();this.device.canvasContext.setDrawingBufferSize(i,r)}_createDeviceCanvas(t){if(this._isMultiCanvasMode()){let e=globalThis.OffscreenCanvas;if(!e)throw new Error("`_canvases` requires OffscreenCanvas support.");let i=typeof t.width=="number"&&Number.isFinite(t.width)?t.width:1,r=typeof t.height=="number"&&Number.isFinite(t.height)?t.height:1;return new e(i,r)}return this._createCanvas(t)}_updateCanvasSize(t=this._canvasContext){if(this._isMultiCanvasMode()){this._updateMultiCanvasDimensions();return}let{canvas:e}=this,[i,r]=t?t.getCSSSize():[e?.clientWidth??e?.width??0,e?.clientHeight??e?.height??0];(i!==this.width||r!==this.height)&&(this.width=i,this.height=r,this.viewManager?.setProps({width:i,height:r}),this.layerManager?.activateViewport(this.getViewports()[0]),this.props.onResize({width:i,height:r},t||void 0))}_onCanvasContextResize(t,e={}){if(e.syncDrawingBuffer){let{width:i,height:r}=t.canvas;t.setDrawingBufferSize(i,r)}this._needsRedraw="Canvas resized",this._updateCanvasSize(t)}_updateMultiCanvasDimensions(){let[t,e]=this._getCanvasContext()?.getCSSSize()||[0,0];(t!==this.width||e!==this.height)&&(this.width=t,this.height=e,this.props.onResize({width:t,height:e})),this._needsRedraw="Canvas resized",this.viewManager?.setNeedsUpdate("Canvas resized"),this.viewManager?.setProps({width:this.width,height:this.height})}_createAnimationLoop(t,e){let{gl:i,onError:r}=e;return new Gc({device:t,autoResizeDrawingBuffer:!i&&!Array.isArray(e._canvases),autoResizeViewport:!1,onInitialize:o=>this._setDevice(o.device),onRender:this._onRenderFrame.bind(this),onError:r})}_createDevice(t){let e=this.props.deviceProps?.createCanvasContext,i=typeof e=="object"?e:void 0,r={adapters:[],_cacheShaders:!0,_cachePipelines:!0,...t.deviceProps};r.adapters.includes(_r)||r.adapters.push(_r);let o={alphaMode:this.props.deviceProps?.type==="webgpu"?"premultiplied":void 0};return ns.createDevice({_reuseDevices:!0,type:"webgl",...r,createCanvasContext:{...o,...i,canvas:this._createDeviceCanvas(t),useDevicePixels:this.props.useDevicePixels,autoResize:!0}})}_getViewState(){return this.props.viewState||this.viewState}_getViews(){let{views:t}=this.props,e=Array.isArray(t)?t:t?[t]:[new Pi({id:"default-view"})];return e.length&&this.props.controller&&(e[0]=e[0].clone({controller:this.props.controller})),e}_onContextLost(){let{onError:t}=this.props;this.animationLoop&&t&&t(new Error("WebGL context is lost"))}_pickAndCallback(){let{_pickRequest:t}=this;if(t.event){let e=t.event,i=this.layerManager?.getLayers()||[],r=this._getPointPickOptions(t.x,t.y,{canvasId:t.canvasId,radius:t.radius,mode:t.mode},i),o=this._getInternalPickingMode(),s=++this._hoverPickSequence;if(t.event=null,t.canvasId=void 0,!o)return;if(o==="sync"){this._applyHoverCallbacks(this._pickPointSync(r),e);return}this._pickPointAsync(r).then(({result:a,emptyInfo:c})=>{s===this._hoverPickSequence&&this._applyHoverCallbacks({result:a,emptyInfo:c},e)}).catch(a=>this.props.onError?.(a))}}_updateCursor(){let t=this.props.getCursor(this.cursorState);if(this._isMultiCanvasMode()){for(let i of Object.values(this._canvasManager.targets))i.canvas.style.cursor=t;return}let e=this.props.parent||this.canvas;e&&(e.style.cursor=t)}_setDevice(t){if(this.device=t,this._validateInternalPickingMode(),!this.animationLoop)return;this._setDeviceCanvasContext(t,{syncDrawingBuffer:!!(this.props.gl&&this.props.device!==t)}),this._isMultiCanvasMode()?this._syncCanvasTargets():this.canvas&&!this.canvas.isConnected&&this.props.parent&&this.props.parent.insertBefore(this.canvas,this.props.parent.firstChild),this.device.type==="webgl"&&this.device.setParametersWebGL({blend:!0,blendFunc:[770,771,1,771],polygonOffsetFill:!0,depthTest:!0,depthFunc:515}),this.props.onDeviceInitialized(this.device),this.device.type==="webgl"&&this.props.onWebGLInitialized(this.device.gl);let e=new xr;if(e.play(),this.animationLoop.attachTimeline(e),!this._isMultiCanvasMode()){let o=this.canvas&&this._getEventRoot(this.canvas);D(o),this.eventManager=this._createEventManager(o),this.eventManagers={[ye]:this.eventManager}}this.viewManager=new gi({timeline:e,eventManager:this.eventManager,eventManagers:this.eventManagers,getCanvasContext:this._isMultiCanvasMode()?this.getCanvasContext.bind(this):void 0,onViewStateChange:this._onViewStateChange.bind(this),onInteractionStateChange:this._onInteractionStateChange.bind(this),pickPosition:this._pickPositionForController.bind(this),views:this._getViews(),viewState:this._getViewState(),width:this.width,height:this.height});let i=this.viewManager.getViewports()[0];this.layerManager=new pi(this.device,{deck:this,stats:this.stats,viewport:i,timeline:e}),this.effectManager=new wi({deck:this,device:this.device}),this.deckRenderer=new Ei(this.device,{stats:this.stats}),this.deckPicker=new Mi(this.device,{stats:this.stats});let r=this.props.parent?.querySelector(".deck-widgets-root")||(this._isMultiCanvasMode()?this.props.parent||this.canvas?.parentElement:null)||this.canvas?.parentElement;this.widgetManager=new _o({deck:this,parentElement:r}),this.widgetManager.addDefault(new Si),this.setProps({}),this._updateCanvasSize(this._canvasContext),this.props.onLoad()}_drawLayers(t,e){let{device:i,gl:r}=this.layerManager.context;this.props.onBeforeRender({device:i,gl:r});let o={target:this.props._framebuffer,layers:this.layerManager.getLayers(),viewports:this.viewManager.getViewports(),onViewportActive:this.layerManager.activateViewport,views:this.viewManager.getViews(),pass:"screen",effects:this.effectManager.getEffects(),...e};if(this._isMultiCanvasMode()&&o.pass==="screen"&&!o.target&&this._canvasManager.order.length)for(let s of this._canvasManager.order){let a=o.viewports.filter(f=>this.viewManager.getCanvasId(f.id)===s);if(!a.length){let f=this._canvasManager.targets[s];this._resizeForCanvasTarget(s),this.deckRenderer?.renderLayers({...o,canvasContext:f.presentationContext,target:f.presentationContext.getCurrentFramebuffer(),viewports:[],clearCanvas:!0}),f.presentationContext.present();continue}let c=this._canvasManager.targets[s];this._resizeForCanvasTarget(s);let l=c.presentationContext.getCurrentFramebuffer();this.deckRenderer?.renderLayers({...o,canvasContext:c.presentationContext,target:l,viewports:a}),c.presentationContext.present()}else this.deckRenderer?.renderLayers(o);o.pass==="screen"&&this.widgetManager.onRedraw({viewports:o.viewports,layers:o.layers}),this.props.onAfterRender({device:i,gl:r})}_onRenderFrame(){this._getFrameStats(),this._metricsCounter++%60===0&&(this._getMetrics(),this.stats.reset(),I.table(4,this.metrics)(),this.props._onMetrics&&this.props._onMetrics(this.metrics)),this._updateCursor(),this.layerManager.updateLayers(),this._pickAndCallback(),this.redraw(),this.viewManager&&this.viewManager.updateViewStates()}_onViewStateChange(t){let e=this.props.onViewStateChange(t)||t.viewState;this.viewState&&(this.viewState={...this.viewState,[t.viewId]:e},this.props.viewState||this.viewManager&&this.viewManager.setProps({viewState:this.viewState}))}_onInteractionStateChange(t){this.cursorState.isDragging=t.isDragging||!1,this.props.onInteractionStateChange(t)}_getFrameStats(){let{stats:t}=this;t.get("frameRate").timeEnd(),t.get("frameRate").timeStart();let e=this.animationLoop.stats;t.get("GPU Time").addTime(e.get("GPU Time").lastTiming),t.get("CPU Time").addTime(e.get("CPU Time").lastTiming)}_getMetrics(){let{metrics:t,stats:e}=this;t.fps=e.get("frameRate").getHz(),t.setPropsTime=e.get("setProps Time").time,t.updateAttributesTime=e.get("Update Attributes").time,t.framesRedrawn=e.get("Redraw Count").count,t.pickTime=e.get("pickObject Time").time+e.get("pickMultipleObjects Time").time+e.get("pickObjects Time").time,t.pickCount=e.get("Pick Count").count,t.layersCount=this.layerManager?.layers.length??0,t.drawLayersCount=e.get("Layers rendered").lastSampleCount,t.pickLayersCount=e.get("Layers picked").lastSampleCount,t.updateLayersCount=e.get("Layer updates").count,t.updateAttributesCount=e.get("Attributes updated").count,t.gpuTime=e.get("GPU Time").time,t.cpuTime=e.get("CPU Time").time,t.gpuTimePerFrame=e.get("GPU Time").getAverageTime(),t.cpuTimePerFrame=e.get("CPU Time").getAverageTime();let i=ns.stats.get("GPU Time and Memory");t.bufferMemory=i.get("Buffer Memory").count,t.textureMemory=i.get("Texture Memory").count,t.renderbufferMemory=i.get("Renderbuffer Memory").count,t.gpuMemory=i.get("GPU Memory").count}};Ti.defaultProps=eu;Ti.VERSION=Hl;var Po=Ti;function nu(n){switch(n){case"float64":return Float64Array;case"uint8":case"unorm8":return Uint8ClampedArray;default:return jc(n)}}var iu=is.getDataType.bind(is);function Li(n,t,e){if(t.size>4)return null;let i=e==="webgpu"&&t.type==="uint8"?"unorm8":t.type,r=t.size,o=!!(e!=="webgpu"&&r===3&&i&&["uint8","sint8","unorm8","snorm8","uint16","sint16","unorm16","snorm16"].includes(i));return{attribute:n,format:r>1?`${i}x${r}${o?"-webgl":""}`:t.type,byteOffset:t.offset||0}}function vt(n){return n.stride||n.size*n.bytesPerElement}function ru(n,t){return n.type===t.type&&n.size===t.size&&vt(n)===vt(t)&&(n.offset||0)===(t.offset||0)}function tc(n,t){t.offset&&I.removed("shaderAttribute.offset","vertexOffset, elementOffset")();let e=vt(n),i=t.vertexOffset!==void 0?t.vertexOffset:n.vertexOffset||0,r=t.elementOffset||0,o=i*e+r*n.bytesPerElement+(n.offset||0);return{...t,offset:o,stride:e}}function _v(n,t){let e=tc(n,t);return{high:e,low:{...e,offset:e.offset+n.size*4}}}var Ai=class{constructor(t,e,i){this._buffer=null,this.device=t,this.id=e.id||"",this.size=e.size||1;let r=e.logicalType||e.type,o=r==="float64",{defaultValue:s}=e;s=Number.isFinite(s)?[s]:s||new Array(this.size).fill(0);let a;o?a="float32":!r&&e.isIndexed?a="uint32":a=r||"float32";let c=nu(r||a);this.doublePrecision=o,o&&e.fp64===!1&&(c=Float32Array),this.value=null,this.settings={...e,defaultType:c,defaultValue:s,logicalType:r,type:a,normalized:a.includes("norm"),size:this.size,bytesPerElement:c.BYTES_PER_ELEMENT},this.state={...i,externalBuffer:null,bufferAccessor:this.settings,allocatedValue:null,numInstances:0,bounds:null,constant:!1}}get isConstant(){return this.state.constant}get buffer(){return this._buffer}get byteOffset(){let t=this.getAccessor();return t.vertexOffset?t.vertexOffset*vt(t):0}get numInstances(){return this.state.numInstances}set numInstances(t){this.state.numInstances=t}get isDoublePrecisionBuffer(){return this._shouldSplitDoublePrecisionValue(this.value)}delete(){this._buffer&&(this._buffer.delete(),this._buffer=null),St.release(this.state.allocatedValue),this.state.allocatedValue=null}getBuffer(){return this.state.constant&&this.device.type!=="webgpu"?null:this.state.externalBuffer||this._buffer}getValue(t=this.id,e=null){let i={};if(this.state.constant){let r=this.value;if(this.device.type==="webgpu"&&this._buffer)i[t]=this._buffer;else if(e){let o=tc(this.getAccessor(),e),s=o.offset/r.BYTES_PER_ELEMENT,a=o.size||this.size;i[t]=r.subarray(s,s+a)}else i[t]=r}else i[t]=this.getBuffer();return this.doublePrecision&&(this.isDoublePrecisionBuffer?i[`${t}64Low`]=i[t]:i[`${t}64Low`]=new Float32Array(this.size)),i}_getBufferLayout(t=this.id,e=null){let i=this.getAccessor(),r=[],o={name:this.id,byteStride:this.device.type==="webgpu"&&this.state.constant?0:vt(i)};if(this.doublePrecision){let s=_v(i,e||{});r.push(Li(t,{...i,...s.high},this.device.type),Li(`${t}64Low`,{...i,...s.low},this.device.type))}else if(e){let s=tc(i,e);r.push(Li(t,{...i,...s},this.device.type))}else r.push(Li(t,i,this.device.type));return o.attributes=r.filter(Boolean),o}setAccessor(t){this.state.bufferAccessor=t}getAccessor(){return this.state.bufferAccessor}getBounds(){if(this.state.bounds)return this.state.bounds;let t=null;if(this.state.constant&&this.value){let e=Array.from(this.value);t=[e,e]}else{let{value:e,numInstances:i,size:r}=this,o=i*r;if(e&&o&&e.length>=o){let s=new Array(r).fill(1/0),a=new Array(r).fill(-1/0);for(let c=0;c<o;)for(let l=0;l<r;l++){let f=e[c++];f<s[l]&&(s[l]=f),f>a[l]&&(a[l]=f)}t=[s,a]}}return this.state.bounds=t,t}setData(t){let{state:e}=this,i;ArrayBuffer.isView(t)?i={value:t}:t instanceof J?i={buffer:t}:i=t;let r={...this.settings,...i};if(ArrayBuffer.isView(i.value)){if(!i.type)if(this.doublePrecision&&i.value instanceof Float64Array)r.type="float32";else{let s=iu(i.value);r.type=r.normalized?s.replace("int","norm"):s}r.bytesPerElement=i.value.BYTES_PER_ELEMENT,r.stride=vt(r)}if(e.bounds=null,i.constant){let o=i.value;if(o=this._normalizeValue(o,[],0),this.settings.normalized&&(o=this.normalizeConstant(o)),!(!e.constant||!this._areValuesEqual(o,this.value)))return!1;e.externalBuffer=null,e.constant=!0,this.value=ArrayBuffer.isView(o)?o:new Float32Array(o)}else if(i.buffer){let o=i.buffer;e.externalBuffer=o,e.constant=!1,this.value=i.value||null}else if(i.value){this._checkExternalBuffer(i);let o=i.value,s=o;e.externalBuffer=null,e.constant=!1,this.value=o,this._shouldSplitDoublePrecisionValue(s)&&(s=pn(s,r),o instanceof Float32Array&&(r.stride=r.size*2*Float32Array.BYTES_PER_ELEMENT));let{buffer:a}=this,c=vt(r),l=(r.vertexOffset||0)*c;if(this.settings.isIndexed){let h=this.settings.defaultType;s.constructor!==h&&(s=new h(s))}let f=s.byteLength+l+c*2;(!a||a.byteLength<f)&&(a=this._createBuffer(f)),a.write(s,l)}return this.setAccessor(r),!0}updateSubBuffer(t={}){this.state.bounds=null;let e=this.value,{startOffset:i=0,endOffset:r}=t,o=this._shouldSplitDoublePrecisionValue(e);this.buffer.write(o?pn(e,{size:this.size,startIndex:i,endIndex:r}):e.subarray(i,r),i*(o?8:e.BYTES_PER_ELEMENT)+this.byteOffset)}allocate(t,e=!1){let{state:i}=this,r=i.allocatedValue,o=St.allocate(r,t+1,{size:this.size,type:this.settings.defaultType,copy:e});this.value=o;let s=this._shouldSplitDoublePrecisionValue(o),a=s&&o instanceof Float32Array?{...this.settings,stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}:this.settings;this.setAccessor(a);let{byteOffset:c}=this,{buffer:l}=this,f=o.byteLength*(s&&o instanceof Float32Array?2:1);return(!l||l.byteLength<f+c)&&(l=this._createBuffer(f+c),e&&r&&l.write(this._shouldSplitDoublePrecisionValue(r)?pn(r,this):r,c)),i.allocatedValue=o,i.constant=!1,i.externalBuffer=null,!0}_shouldSplitDoublePrecisionValue(t){return!!(this.doublePrecision&&(t instanceof Float64Array||this.device.type==="webgpu"&&t instanceof Float32Array))}_checkExternalBuffer(t){let{value:e}=t;if(!ArrayBuffer.isView(e))throw new Error(`Attribute ${this.id} value is not TypedArray`);let i=this.settings.defaultType,r=!1;if(this.doublePrecision&&(r=e.BYTES_PER_ELEMENT<4),r)throw new Error(`Attribute ${this.id} does not support ${e.constructor.name}`);!(e instanceof i)&&this.settings.normalized&&!("normalized"in t)&&I.warn(`Attribute ${this.id} is normalized`)()}normalizeConstant(t){switch(this.settings.type){case"snorm8":return new Float32Array(t).map(e=>(e+128)/255*2-1);case"snorm16":return new Float32Array(t).map(e=>(e+32768)/65535*2-1);case"unorm8":return new Float32Array(t).map(e=>e/255);case"unorm16":return new Float32Array(t).map(e=>e/65535);default:return t}}_normalizeValue(t,e,i){let{defaultValue:r,size:o}=this.settings;if(Number.isFinite(t))return e[i]=t,e;if(!t){let s=o;for(;--s>=0;)e[i+s]=r[s];return e}switch(o){case 4:e[i+3]=Number.isFinite(t[3])?t[3]:r[3];case 3:e[i+2]=Number.isFinite(t[2])?t[2]:r[2];case 2:e[i+1]=Number.isFinite(t[1])?t[1]:r[1];case 1:e[i+0]=Number.isFinite(t[0])?t[0]:r[0];break;default:let s=o;for(;--s>=0;)e[i+s]=Number.isFinite(t[s])?t[s]:r[s]}return e}_areValuesEqual(t,e){if(!t||!e)return!1;let{size:i}=this;for(let r=0;r<i;r++)if(t[r]!==e[r])return!1;return!0}_createBuffer(t){this._buffer&&this._buffer.destroy();let{isIndexed:e,type:i}=this.settings,r=this.device.type==="webgpu"&&!e?J.VERTEX|J.STORAGE|J.COPY_DST|J.COPY_SRC:(e?J.INDEX:J.VERTEX)|J.COPY_DST;return this._buffer=this.device.createBuffer({...this._buffer?.props,id:this.id,usage:r,indexType:e?i:void 0,byteLength:t}),this._buffer}};var ou=[],su=[];function ie(n,t=0,e=1/0){let i=ou,r={index:-1,data:n,target:[]};return n?typeof n[Symbol.iterator]=="function"?i=n:n.length>0&&(su.length=n.length,i=su):i=ou,(t>0||Number.isFinite(e))&&(i=(Array.isArray(i)?i:Array.from(i)).slice(t,e),r.index=t-1),{iterable:i,objectInfo:r}}function wo(n){return n&&n[Symbol.asyncIterator]}function bo(n,t){let{size:e,stride:i,offset:r,startIndices:o,nested:s}=t,a=n.BYTES_PER_ELEMENT,c=i?i/a:e,l=r?r/a:0,f=Math.floor((n.length-l)/c);return(h,{index:u,target:d})=>{if(!o){let v=u*c+l;for(let _=0;_<e;_++)d[_]=n[v+_];return d}let p=o[u],g=o[u+1]||f,m;if(s){m=new Array(g-p);for(let v=p;v<g;v++){let _=v*c+l;d=new Array(e);for(let y=0;y<e;y++)d[y]=n[_+y];m[v-p]=d}}else if(c===e)m=n.subarray(p*e+l,g*e+l);else{m=new n.constructor((g-p)*e);let v=0;for(let _=p;_<g;_++){let y=_*c+l;for(let x=0;x<e;x++)m[v++]=n[y+x]}}return m}}var au=[],Ii=[[0,1/0]];function cu(n,t){if(n===Ii||(t[0]<0&&(t[0]=0),t[0]>=t[1]))return n;let e=[],i=n.length,r=0;for(let o=0;o<i;o++){let s=n[o];s[1]<t[0]?(e.push(s),r=o+1):s[0]>t[1]?e.push(s):t=[Math.min(s[0],t[0]),Math.max(s[1],t[1])]}return e.splice(r,0,t),e}var wv={interpolation:{duration:0,easing:n=>n},spring:{stiffness:.05,damping:.5}};function Eo(n,t){if(!n)return null;Number.isFinite(n)&&(n={type:"interpolation",duration:n});let e=n.type||"interpolation";return{...wv[e],...t,...n,type:e}}var Ue=class extends Ai{constructor(t,e){super(t,e,{startIndices:null,constantValue:null,lastExternalBuffer:null,binaryValue:null,binaryAccessor:null,needsUpdate:!0,needsRedraw:!1,layoutChanged:!1,updateRanges:Ii}),this.constant=!1,this.settings.update=e.update||(e.accessor?this._autoUpdater:void 0),Object.seal(this.settings),Object.seal(this.state),this._validateAttributeUpdaters()}get startIndices(){return this.state.startIndices}set startIndices(t){this.state.startIndices=t}needsUpdate(){return this.state.needsUpdate}needsRedraw({clearChangedFlags:t=!1}={}){let e=this.state.needsRedraw;return this.state.needsRedraw=e&&!t,e}layoutChanged(){return this.state.layoutChanged}setAccessor(t){var e;(e=this.state).layoutChanged||(e.layoutChanged=!ru(t,this.getAccessor())),super.setAccessor(t)}getUpdateTriggers(){let{accessor:t}=this.settings;return[this.id].concat(typeof t!="function"&&t||[])}supportsTransition(){return!!this.settings.transition}getTransitionSetting(t){if(!t||!this.supportsTransition())return null;let{accessor:e}=this.settings,i=this.settings.transition,r=Array.isArray(e)?t[e.find(o=>t[o])]:t[e];return Eo(r,i)}setNeedsUpdate(t=this.id,e){if(this.state.needsUpdate=this.state.needsUpdate||t,this.setNeedsRedraw(t),e){let{startRow:i=0,endRow:r=1/0}=e;this.state.updateRanges=cu(this.state.updateRanges,[i,r])}else this.state.updateRanges=Ii}clearNeedsUpdate(){this.state.needsUpdate=!1,this.state.updateRanges=au}setNeedsRedraw(t=this.id){this.state.needsRedraw=this.state.needsRedraw||t}allocate(t){let{state:e,settings:i}=this;if(i.noAlloc)return!1;if(i.update){let r=this.isConstant;return super.allocate(t,e.updateRanges!==Ii),e.layoutChanged||(e.layoutChanged=r&&this.device.type==="webgpu"),!0}return!1}updateBuffer({numInstances:t,data:e,props:i,context:r}){if(!this.needsUpdate())return!1;let{state:{updateRanges:o},settings:{update:s,noAlloc:a}}=this,c=!0;if(s){for(let[l,f]of o)s.call(r,this,{data:e,startRow:l,endRow:f,props:i,numInstances:t});if(this.value)if(this.constant||!this.buffer||this.buffer.byteLength<this.value.byteLength+this.byteOffset){if(this.constant){let l=this.value;this.value=null,this.setConstantValue(r,l)}else this.setData({value:this.value,constant:this.constant});this.constant=!1}else for(let[l,f]of o){let h=Number.isFinite(l)?this.getVertexOffset(l):0,u=Number.isFinite(f)?this.getVertexOffset(f):a||!Number.isFinite(t)?this.value.length:t*this.size;super.updateSubBuffer({startOffset:h,endOffset:u})}this._checkAttributeArray()}else c=!1;return this.clearNeedsUpdate(),this.setNeedsRedraw(),c}setConstantValue(t,e){var i;if(e===void 0||typeof e=="function")return!1;let r=this.isConstant,o=this.settings.transform&&t?this.settings.transform.call(t,e):e,s=this.settings.defaultType;this.state.constantValue=this._normalizeValue(o,new s(this.size),0);let a=this.setData({constant:!0,value:o});if(this.device.type==="webgpu"){let c=this.state.constantValue;this.doublePrecision&&(c instanceof Float32Array||c instanceof Float64Array)&&(c=pn(c,{size:this.size}),this.setAccessor({...this.getAccessor(),stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}));let l=this._buffer;(!l||l.byteLength<c.byteLength)&&(l=this._createBuffer(c.byteLength)),l.write(c),(i=this.state).layoutChanged||(i.layoutChanged=!r),this.constant=!1}return a&&this.setNeedsRedraw(),this.clearNeedsUpdate(),!0}getConstantValue(){return this.isConstant?this.state.constantValue:null}setExternalBuffer(t){let{state:e}=this;return t?(this.clearNeedsUpdate(),e.lastExternalBuffer===t||(e.lastExternalBuffer=t,this.setNeedsRedraw(),this.setData(t)),!0):(e.lastExternalBuffer=null,!1)}setBinaryValue(t,e=null){let{state:i,settings:r}=this;if(!t)return i.binaryValue=null,i.binaryAccessor=null,!1;if(r.noAlloc)return!1;if(i.binaryValue===t)return this.clearNeedsUpdate(),!0;if(i.binaryValue=t,this.setNeedsRedraw(),r.transform||e!==this.startIndices){ArrayBuffer.isView(t)&&(t={value:t});let s=t;D(ArrayBuffer.isView(s.value),`invalid ${r.accessor}`);let a=!!s.size&&s.size!==this.size;return i.binaryAccessor=bo(s.value,{size:s.size||this.size,stride:s.stride,offset:s.offset,startIndices:e,nested:a}),!1}return this.clearNeedsUpdate(),this.setData(t),!0}getVertexOffset(t){let{startIndices:e}=this;return(e?t<e.length?e[t]:this.numInstances:t)*this.size}getValue(){let t=this.settings.shaderAttributes,e=super.getValue();if(!t)return e;for(let i in t)Object.assign(e,super.getValue(i,t[i]));return e}getBufferLayout(t){this.state.layoutChanged=!1;let e=this.settings.shaderAttributes,i=super._getBufferLayout(),{stepMode:r}=this.settings;if(r==="dynamic"?i.stepMode=t?t.isInstanced?"instance":"vertex":"instance":i.stepMode=r??"vertex",!e)return i;for(let o in e){let s=super._getBufferLayout(o,e[o]);i.attributes.push(...s.attributes)}return i}_autoUpdater(t,{data:e,startRow:i,endRow:r,props:o,numInstances:s}){let{settings:a,state:c,value:l,size:f,startIndices:h}=t,{accessor:u,transform:d}=a,p=c.binaryAccessor||(typeof u=="function"?u:o[u]);D(typeof p=="function",`accessor "${u}" is not a function`);let g=t.getVertexOffset(i),{iterable:m,objectInfo:v}=ie(e,i,r);for(let _ of m){v.index++;let y=p(_,v);if(d&&(y=d.call(this,y)),h){let x=(v.index<h.length-1?h[v.index+1]:s)-h[v.index];if(y&&Array.isArray(y[0])){let w=g;for(let P of y)t._normalizeValue(P,l,w),w+=f}else y&&y.length>f?l.set(y,g):(t._normalizeValue(y,v.target,0),Ya({target:l,source:v.target,start:g,count:x}));g+=x*f}else t._normalizeValue(y,l,g),g+=f}}_validateAttributeUpdaters(){let{settings:t}=this;if(!(t.noAlloc||typeof t.update=="function"))throw new Error(`Attribute ${this.id} missing update or accessor`)}_checkAttributeArray(){let{value:t}=this,e=Math.min(4,this.size);if(t&&t.length>=e){let i=!0;switch(e){case 4:i=i&&Number.isFinite(t[3]);case 3:i=i&&Number.isFinite(t[2]);case 2:i=i&&Number.isFinite(t[1]);case 1:i=i&&Number.isFinite(t[0]);break;default:i=!1}if(!i)throw new Error(`Illegal attribute generated for ${this.id}`)}}};var Ri=class n{constructor({id:t,gpuDataEvaluators:e,gpuVector:i,format:r}){L(this,"gpuDataEvaluators");L(this,"format");L(this,"length");L(this,"id");L(this,"_gpuVector");L(this,"_ownsGPUDataEvaluators");L(this,"_destroyed",!1);if(e.length===0)throw new Error("GPUVectorEvaluator requires at least one GPUData evaluator");bv(e),this.id=t,this.gpuDataEvaluators=e,this.format=r??e[0].format,this.length=e.reduce((o,s)=>o+s.length,0),this._gpuVector=i,this._ownsGPUDataEvaluators=!i}static fromGPUVector(t){if(t.bufferLayout)throw new Error(`GPUVectorEvaluator.fromGPUVector() does not accept interleaved vector "${t.name}"`);if(t.data.length===0)throw new Error(`GPUVectorEvaluator.fromGPUVector() requires GPUData for "${t.name}"`);return new n({id:t.name,gpuDataEvaluators:t.data.map(e=>nt.fromGPUData(e,{id:t.name})),gpuVector:t,format:t.format})}static fromGPUDataEvaluators(t,e={}){return new n({id:e.id,gpuDataEvaluators:t,format:e.format})}get evaluated(){return!!this._gpuVector}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}mapGPUData(t){return n.fromGPUDataEvaluators(this.gpuDataEvaluators.map((e,i)=>t(e,i)),{id:this.id})}async evaluate(t,e={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let i=await Promise.all(this.gpuDataEvaluators.map(a=>a.evaluate(t,e))),r=i[0],o=i.map(lu),s=e.format??this.format??r.format;return this._gpuVector=new rs({type:"data",name:e.name??this.id??"vector",format:s,data:o,stride:r.stride,byteStride:r.byteStride,rowByteLength:r.rowByteLength,bufferLayout:r.bufferLayout}),this._gpuVector}evaluateSync(t,e={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let i=this.gpuDataEvaluators.map(a=>a.evaluateSync(t,e)),r=i[0],o=i.map(lu),s=e.format??this.format??r.format;return this._gpuVector=new rs({type:"data",name:e.name??this.id??"vector",format:s,data:o,stride:r.stride,byteStride:r.byteStride,rowByteLength:r.rowByteLength,bufferLayout:r.bufferLayout}),this._gpuVector}destroy(){if(this._ownsGPUDataEvaluators)for(let t of this.gpuDataEvaluators)t.destroy();this._gpuVector=void 0,this._destroyed=!0}toString(){return this.id??this.constructor.name}};function bv(n){let t=n[0];for(let e of n.slice(1))if(e.type!==t.type||e.size!==t.size||e.normalized!==t.normalized||e.format!==t.format)throw new Error("GPUVectorEvaluator requires matching GPUData evaluator layouts")}function lu(n){let[t,...e]=n.data;if(!t||e.length>0)throw new Error(`GPUVectorEvaluator requires one GPUData chunk for "${n.name}"`);return t}var ic={};$e(ic,{arithmetic:()=>fu,dot:()=>mu,equalAll:()=>yu,extent:()=>uu,fround:()=>du,gather:()=>pu,interleave:()=>gu,length:()=>xu,segmentedMap:()=>vu,select:()=>_u,sequence:()=>Pu,swizzle:()=>wu});function vn({elementWise:n,func:t,inputs:e,output:i,outputBuffer:r}){let o=Array.isArray(e)?e:Object.values(e);for(let p of o)if(!p.value)throw new Error(`${p} does not have CPU value`);let s=i.length,a=i.size,c=new i.ValueType(s*a);for(let p=0;p<s;p++){let g=o.map(m=>$(m,p));if(n)for(let m=0;m<a;m++)c[p*a+m]=t.apply(null,g.map(v=>v[m]));else t.call(null,c.subarray(p*a,p*a+a),...g)}let l=i.ValueType.BYTES_PER_ELEMENT,f=i.offset/l,h=i.stride/l,u=a,d=c;if(f!==0||h!==u){d=new i.ValueType(f+i.byteLength/l);for(let p=0;p<s;p++){let g=p*u,m=f+p*h,v=c.subarray(g,g+a);d.set(v,m),r.write(v,m*l)}}else r.write(c);return{success:!0,value:d}}function $(n,t){let e=n.value,i=n.size,r=n.offset/n.ValueType.BYTES_PER_ELEMENT,o=n.stride/n.ValueType.BYTES_PER_ELEMENT,s=n.isConstant?0:t,a=r+s*o,c=e.slice(a,a+i);if(!n.normalized)return c;let l=new Float32Array(i);for(let f=0;f<i;f++)l[f]=Ev(c[f],n.type);return l}function Ev(n,t){switch(t){case"uint8":return n/255;case"uint16":return n/65535;case"uint32":return n/4294967295;case"sint8":return Math.max(n/127,-1);case"sint16":return Math.max(n/32767,-1);case"sint32":return Math.max(n/2147483647,-1);case"float32":return n;default:throw new Error(`Unsupported normalized source type ${t}`)}}var fu=({inputs:n,output:t,target:e})=>{for(let r of Object.values(n.namedInputs))if(!r.value)throw new Error(`${r} does not have CPU value`);let i=new t.ValueType(t.length*t.size);for(let r=0;r<t.length;r++){let o=Object.fromEntries(Object.entries(n.namedInputs).map(([s,a])=>[s,$(a,r)]));for(let s=0;s<t.size;s++)i[r*t.size+s]=hu(n.expression,o,s)}return e.write(i),{success:!0,value:i}};function hu(n,t,e){switch(n.kind){case"input":{let i=t[n.name];return e<i.length?i[e]:i.length===1?i[0]:0}case"literal":return Array.isArray(n.value)?n.value[e]??0:n.value;case"call":{Mv(n.op,n.args.length);let i=n.args.map(r=>hu(r,t,e));switch(n.op){case"add":return i[0]+i[1];case"subtract":return i[0]-i[1];case"multiply":return i[0]*i[1];case"divide":return i[0]/i[1];case"pow":return Math.pow(i[0],i[1]);case"sqrt":return Math.sqrt(i[0]);case"abs":return Math.abs(i[0]);case"sin":return Math.sin(i[0]);case"cos":return Math.cos(i[0]);case"tan":return Math.tan(i[0]);case"exp":return Math.exp(i[0]);case"log":return Math.log(i[0]);default:{let r=n.op;throw new Error(`Unsupported arithmetic op ${r}`)}}}default:{let i=n;throw new Error(`Unsupported expression node ${i.kind}`)}}}function Mv(n,t){let e=Yc[n].arity;if(t!==e)throw new Error(`Arithmetic op '${n}' expects ${e} args, got ${t}`)}var uu=({inputs:n,output:t,target:e})=>{let{sourceValues:i}=n;if(!i.value)throw new Error(`${i} does not have CPU value`);let o=new t.ValueType(t.length*t.size);if(i.length===0)return{success:!1,error:new Error(`${i} is empty`)};for(let s=0;s<i.size;s++){let a=$(i,0)[s],c=s*t.size,l=c+1;o[c]=a,o[l]=a;for(let f=1;f<i.length;f++){let h=$(i,f)[s];h<o[c]&&(o[c]=h),h>o[l]&&(o[l]=h)}}return e.write(o),{success:!0,value:o}};var du=({inputs:n,output:t,target:e})=>vn({func:(i,r)=>{let o=i.length/2,s=new Float64Array(r.buffer);for(let a=0;a<o;a++){let c=s[a];i[a]=Math.fround(c),i[a+o]=c-i[a]}return i},inputs:n,output:t,outputBuffer:e});var pu=async({inputs:n,output:t,target:e})=>{let{ids:i,sourceValues:r}=n,o=i.value,s=r.value;if(!o)throw new Error(`${i} does not have CPU value`);if(!s)throw new Error(`${r} does not have CPU value`);let a=new t.ValueType(t.length*t.size),c=new Array(t.size).fill(0);for(let l=0;l<t.length;l++){let f=$(i,l),h=Number(f[0]),u=Sv(h,r.length)?$(r,h):c;a.set(u,l*t.size)}return e.write(a),{success:!0,value:a}};function Sv(n,t){return Number.isInteger(n)&&n>=0&&n<t}var gu=({inputs:n,output:t,target:e})=>vn({func:(i,...r)=>{let o=0;for(let s of r)i.set(s,o),o+=s.length},inputs:n,output:t,outputBuffer:e});var mu=({inputs:n,output:t,target:e})=>{let{x:i,y:r}=n,o=new t.ValueType(t.length);for(let s=0;s<t.length;s++){let a=$(i,s),c=$(r,s),l=0;for(let f=0;f<i.size;f++)l+=a[f]*c[f];o[s]=l}return e.write(o),{success:!0,value:o}};var yu=({inputs:n,output:t,target:e})=>{let{x:i,y:r}=n,o=new t.ValueType(t.length);for(let s=0;s<t.length;s++){let a=$(i,s),c=$(r,s),l=1;for(let f=0;f<i.size;f++)if(a[f]!==c[f]){l=0;break}o[s]=l}return e.write(o),{success:!0,value:o}};var xu=({inputs:n,output:t,target:e})=>{let{x:i}=n,r=new t.ValueType(t.length);for(let o=0;o<t.length;o++){let s=$(i,o),a=0;for(let c=0;c<i.size;c++)a+=s[c]*s[c];r[o]=Math.sqrt(a)}return e.write(r),{success:!0,value:r}};var vu=async({inputs:n,output:t,target:e})=>{let{segments:i,vertexCount:r}=n,o=i.value;if(!o)throw new Error(`${i} does not have CPU value`);Cv(o,i,r);let s=new t.ValueType(t.length*t.size),a=0;for(let c=0;c<r;c++){for(;a+1<i.length&&o[ec(i,a+1)]<=c;)a++;let l=o[ec(i,a)],f=c*t.size;s[f]=a,s[f+1]=c-l}return e.write(s),{success:!0,value:s}};function Cv(n,t,e){if(t.length<1)throw new Error("segmentedMap segments must contain at least one segment start");let i=0;for(let r=0;r<t.length;r++){let o=n[ec(t,r)];if(r===0&&o!==0)throw new Error(`segmentedMap segments must start at 0, got ${o}`);if(r>0&&o<i)throw new Error(`segmentedMap segments must be non-decreasing, got ${o} after ${i}`);i=o}if(i>e)throw new Error(`segmentedMap last segment start must be <= vertexCount, got ${i} > ${e}`)}function ec(n,t){return n.offset/n.ValueType.BYTES_PER_ELEMENT+t*(n.stride/n.ValueType.BYTES_PER_ELEMENT)}var _u=async({inputs:n,output:t,target:e})=>{let{condition:i,whenTrue:r,whenFalse:o}=n,s=new t.ValueType(t.length*t.size);for(let a=0;a<t.length;a++){let c=$(i,a),l=$(r,a),f=$(o,a);for(let h=0;h<t.size;h++){let u=nc(c,i.size,h);s[a*t.size+h]=u!==0?nc(l,r.size,h):nc(f,o.size,h)}}return e.write(s),{success:!0,value:s}};function nc(n,t,e){return e<t?n[e]:t===1?n[0]:0}var Pu=({inputs:n,output:t,target:e})=>{let i=new t.ValueType(t.length);for(let r=0;r<t.length;r++)i[r]=n.start+r*n.step;return e.write(i),{success:!0,value:i}};var wu=({inputs:n,output:t,target:e})=>{let{columns:i}=n;return vn({func:(r,o)=>{for(let s=0;s<i.length;s++)r[s]=o[i[s]]},inputs:{x:n.x},output:t,outputBuffer:e})};var rc=class{constructor(){L(this,"_modules",{cpu:ic})}add(t,e){let i=this._modules[t];if(typeof e.then=="function"){let o=Promise.all([Promise.resolve(i||{}),e]).then(([s,a])=>({...s,...a}));return this._modules[t]=o,o.then(s=>{this._modules[t]=s}).catch(s=>{es.error(`Failed to register ${t} backend: ${s}`)()}),o}if(i&&typeof i.then=="function"){let o=Promise.resolve(i).then(s=>({...s,...e})).then(s=>(this._modules[t]=s,s)).catch(s=>{throw es.error(`Failed to register ${t} backend: ${s}`)(),s});return this._modules[t]=o,o}let r={...i||{},...e};return this._modules[t]=r,Promise.resolve(r)}async get(t,e){let i=this._modules[t];if(!i)if(t==="webgl")i=this.add("webgl",import("./webgl-KIJC4DC5.js"));else if(t==="webgpu")i=this.add("webgpu",import("./webgpu-CI5OSGYY.js"));else throw new Error(`${t} backend not registered`);let o=(await i)[e];if(typeof o!="function")throw new Error(`${t} backend does not implement ${e}`);return o}getSync(t,e){let i=this._modules[t];if(!i)throw new Error(`${t} backend not registered`);if(typeof i.then=="function")throw new Error(`${t} backend is not loaded yet`);let o=i[e];if(typeof o!="function")throw new Error(`${t} backend does not implement ${e}`);return o}clear(){this._modules={}}},_n=new rc;var Mo=class{constructor(t){L(this,"inputs");L(this,"dependencies");this.inputs=t,this.dependencies=Array.from(t instanceof Array?t:Object.values(t)).filter(e=>e instanceof nt)}async execute(t,e){return await this._resolveDependencies(t),await this._executeWithHandler(await _n.get(this._getHandlerRegistry(t),this.name),e)}executeSync(t,e){this._resolveDependenciesSync(t);let i=this._executeWithHandler(_n.getSync(this._getHandlerRegistry(t),this.name),e);if(Tv(i))throw new Error(`${this.name} returned a Promise in executeSync()`);return i}shouldExecuteOnCPU(){return this.output.length<=1&&Array.from(this.dependencies).every(t=>!!t.value)}_getHandlerRegistry(t){return this.shouldExecuteOnCPU()?"cpu":t.type}async _resolveDependencies(t){for(let i of this.dependencies)await i.evaluate(t);if(this._getHandlerRegistry(t)==="cpu"||t.type==="null")for(let i of this.dependencies)await i.ensureCPUValue()}_resolveDependenciesSync(t){for(let i of this.dependencies)i.evaluateSync(t);if(this._getHandlerRegistry(t)==="cpu"||t.type==="null")for(let i of this.dependencies)i.ensureCPUValueSync()}_executeWithHandler(t,e){return t({device:e.device,inputs:this.inputs,output:this.output,target:e})}};function Tv(n){return typeof n?.then=="function"}function bu(...n){let t=Lv(n.map(e=>e.type));return t[0]!=="f"&&n.some(e=>e.normalized)&&(t="float32"),{isConstant:n.every(e=>e.isConstant),type:t,size:n.reduce((e,i)=>Math.max(e,i.size),0),length:n.reduce((e,i)=>Math.max(e,i.length),0)}}function Lv(n){let t=0,e=0;for(let i of n){if(i[0]==="f")return"float32";let r=i.endsWith("8")?8:i.endsWith("6")?16:32;i[0]==="u"?t=Math.max(t,r):e=Math.max(e,r)}return t&&!e?`uint${t}`:e&&t<32?`sint${Math.max(e,t*2)}`:"float32"}var oc=class extends Mo{constructor(e){super(e);L(this,"name","interleave");L(this,"output");let{isConstant:i,type:r,length:o}=bu(...e);this.output=new nt({isConstant:i,type:r,size:e.reduce((s,a)=>s+a.size,0),length:o,source:this})}toString(){return`_${this.inputs.join("_")}_`}};function sc(...n){if(n.length===0)throw new Error("interleave() requires at least one input");return n.length===1?Pr(n[0]):new oc(n.map(Pr)).output}function cc(n,t){let e=Iv(t);for(let i of e)i.evaluateSync(n);return Av(e),t}function Av(n){let t=new Set(n.flatMap(Ov)),e=new Set;for(let i of n)So(i,e);for(let i of e)i.evaluated&&!t.has(i.buffer)&&i.destroy()}function Iv(n){let t=new Set;return ac(n,t,new Set),Array.from(t)}function ac(n,t,e){if(kv(n)){t.add(n);return}if(!(!n||typeof n!="object"||e.has(n))){if(e.add(n),Array.isArray(n)){for(let i of n)ac(i,t,e);return}if(Rv(n))for(let i of Object.values(n))ac(i,t,e)}}function Rv(n){let t=Object.getPrototypeOf(n);return t===Object.prototype||t===null}function So(n,t){if(n instanceof Ri){for(let i of n.gpuDataEvaluators)So(i,t);return}let e=n.source;if(e){if(e instanceof nt){t.has(e)||(t.add(e),So(e,t));return}for(let i of e.dependencies)t.has(i)||(t.add(i),So(i,t))}}function Ov(n){return n instanceof nt?[n.buffer]:n.gpuVector.data.map(t=>t.buffer instanceof Wc?t.buffer.buffer:t.buffer)}function kv(n){return n instanceof nt||n instanceof Ri}var ki=class{constructor(t,{id:e,isTransitionAttribute:i}){this.packedBuffers={},this.device=t,this.id=e,this.isTransitionAttribute=i,this.device.type==="webgpu"&&_n.add("webgpu",{interleave:$c})}hasGroups(t){return this.device.type==="webgpu"&&Object.values(t).some(e=>!!e.settings.bufferGroup)}finalize(){for(let t of Object.values(this.packedBuffers))t.packed.destroy();this.packedBuffers={}}getBufferLayouts(t,e){let i=this._getPackedGroups(t,e,{requireValues:!1,excludeAttributes:{}});return this._getBufferLayouts(t,i,e)}getBindings(t,e,i,r){let o=this._getPackedGroups(t,i,{requireValues:!0,excludeAttributes:r}),s={},a=new Set;for(let c of o.values()){let l=!this.packedBuffers[c.id]||c.attributes.some(f=>!!e[f.id]);s[c.id]=this._getPackedBuffer(c,l);for(let f of c.attributes)a.add(f.id)}return{bufferLayouts:this._getBufferLayouts(t,o,i).filter(c=>!r[c.name]&&!t[c.name]?.settings.isIndexed),buffers:s,groupedAttributeIds:a}}_getPackedGroups(t,e,{requireValues:i,excludeAttributes:r}){let o=new Map;for(let a of Object.values(t)){let c=a.settings.bufferGroup;if(!c)continue;let l=o.get(c)||[];l.push(a),o.set(c,l)}let s=new Map;for(let[a,c]of o){let l=this._getPackedGroup(a,c,e,i,r);l&&s.set(a,l)}return s}_getPackedGroup(t,e,i,r,o){if(e.length<2)return null;let s=e.map(d=>d.getBufferLayout(i)),a=s[0].stepMode,c=Math.max(1,e[0].numInstances),l=r&&e.every(d=>d.isConstant);for(let d=0;d<e.length;d++){let p=e[d],g=p.getAccessor(),m=g.size*g.bytesPerElement;if(o[p.id]||p.settings.isIndexed||p.settings.noAlloc||p.doublePrecision||this.isTransitionAttribute(p.id)||s[d].stepMode!==a||p.numInstances!==e[0].numInstances||(g.offset||0)!==0||(g.vertexOffset||0)!==0||vt(g)!==m||r&&(p.isConstant?!p.getConstantValue()||p.getConstantValue().byteLength<m:!ArrayBuffer.isView(p.value)||p.value.byteLength<c*m))return null}let f={},h=[],u=0;for(let d=0;d<e.length;d++){let p=e[d];u=Eu(u),f[p.id]=u;for(let g of s[d].attributes||[])h.push({...g,byteOffset:u+(g.byteOffset||0)});u+=vt(p.getAccessor())}return u=Eu(u),{id:t,attributes:e,byteStride:u,byteOffsets:f,rowCount:c,layout:{name:t,byteStride:l?0:u,stepMode:a,attributes:h}}}_getBufferLayouts(t,e,i){let r=[],o=new Set,s=new Set;for(let a of e.values())for(let c of a.attributes)s.add(c.id);for(let a of Object.values(t)){let c=a.settings.bufferGroup,l=c&&e.get(c);l&&s.has(a.id)?o.has(l.id)||(r.push(l.layout),o.add(l.id)):r.push(a.getBufferLayout(i))}return r}_getPackedBuffer(t,e){let i=JSON.stringify({byteStride:t.layout.byteStride,attributes:t.layout.attributes}),r=this.packedBuffers[t.id];if((!r||r.layoutKey!==i)&&(e=!0),e){r&&(r.packed.destroy(),delete this.packedBuffers[t.id]);let o=this._interleavePackedGroup(t);return this.packedBuffers[t.id]={packed:o,layoutKey:i},o.buffer}if(!r)throw new Error(`Attribute buffer group ${t.id} has no packed buffer`);return r.packed.buffer}_interleavePackedGroup(t){let e=t.attributes.map(r=>this._getInterleaveInput(t,r)),i=sc(...e);return cc(this.device,i),i}_getInterleaveInput(t,e){let i=vt(e.getAccessor()),r=t.byteOffsets[e.id];if(Oi(`${t.id}.${e.id} rowByteLength`,i),Oi(`${t.id}.${e.id} groupByteOffset`,r),e.isConstant){let c=e.getConstantValue();if(!c)throw new Error(`Attribute group ${t.id} is missing constant value ${e.id}`);return Oi(`${t.id}.${e.id} constant byteOffset`,c.byteOffset),new nt({id:e.id,type:"uint32",size:i/4,isConstant:!0,value:new Uint32Array(c.buffer,c.byteOffset,i/Uint32Array.BYTES_PER_ELEMENT)})}let o=e.getBuffer(),s=e.byteOffset,a=e.getAccessor().stride||i;if(Oi(`${t.id}.${e.id} byteOffset`,s),Oi(`${t.id}.${e.id} stride`,a),!o)throw new Error(`Attribute group ${t.id} cannot interleave missing buffer ${e.id}`);return new nt({id:e.id,type:"uint32",size:i/4,offset:s,stride:a,length:t.rowCount,buffer:o})}};function Eu(n){return Math.ceil(n/4)*4}function Oi(n,t){if(t%4!==0)throw new Error(`Attribute buffer groups require 32-bit alignment: ${n}=${t}`)}function lc(n){let{source:t,target:e,start:i=0,size:r,getData:o}=n,s=n.end||e.length,a=t.length,c=s-i;if(a>c){e.set(t.subarray(0,c),i);return}if(e.set(t,i),!o)return;let l=a;for(;l<c;){let f=o(l,t);for(let h=0;h<r;h++)e[i+l]=f[h]||0,l++}}function Mu({source:n,target:t,size:e,getData:i,sourceStartIndices:r,targetStartIndices:o}){if(!r||!o)return lc({source:n,target:t,size:e,getData:i}),t;let s=0,a=0,c=i&&((f,h)=>i(f+a,h)),l=Math.min(r.length,o.length);for(let f=1;f<l;f++){let h=r[f]*e,u=o[f]*e;lc({source:n.subarray(s,h),target:t,start:a,end:u,size:e,getData:c}),s=h,a=u}return a<t.length&&lc({source:[],target:t,start:a,size:e,getData:c}),t}function Su(n){let{device:t,settings:e,value:i}=n,r=new Ue(t,e);return r.setData({value:i instanceof Float64Array?new Float64Array(0):new Float32Array(0),normalized:e.normalized}),r}function Co(n){switch(n){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`No defined attribute type for size "${n}"`)}}function To(n){switch(n){case 1:return"float32";case 2:return"float32x2";case 3:return"float32x3";case 4:return"float32x4";default:throw new Error("invalid type size")}}function Lo(n){n.push(n.shift())}function Cu(n,t){let{settings:e,value:i,size:r}=n,o=n.isDoublePrecisionBuffer?2:1,s=0,{shaderAttributes:a}=n.settings;if(a)for(let c of Object.values(a))s=Math.max(s,c.vertexOffset??0);return(e.noAlloc?i.length:(t+s)*r)*o}function Ao({device:n,source:t,target:e}){return(!e||e.byteLength<t.byteLength)&&(e?.destroy(),e=n.createBuffer({byteLength:t.byteLength,usage:t.usage})),e}function Io({device:n,buffer:t,attribute:e,fromLength:i,toLength:r,fromStartIndices:o,getData:s=a=>a}){let a=e.isDoublePrecisionBuffer?2:1,c=e.size*a,l=e.byteOffset,f=e.settings.bytesPerElement<4?l/e.settings.bytesPerElement*4:l,h=e.startIndices,u=o&&h,d=e.isConstant;if(!u&&t&&i>=r)return t;let p=e.value instanceof Float64Array?Float32Array:e.value.constructor,g=d?e.value:new p(e.getBuffer().readSyncWebGL(l,r*p.BYTES_PER_ELEMENT).buffer);if(e.settings.normalized&&!d){let y=s;s=(x,w)=>e.normalizeConstant(y(x,w))}let m=d?(y,x)=>s(g,x):(y,x)=>s(g.subarray(y+l,y+l+c),x),v=t?new Float32Array(t.readSyncWebGL(f,i*4).buffer):new Float32Array(0),_=new Float32Array(r);return Mu({source:v,target:_,sourceStartIndices:o,targetStartIndices:h,size:c,getData:m}),(!t||t.byteLength<_.byteLength+f)&&(t?.destroy(),t=n.createBuffer({byteLength:_.byteLength+f,usage:35050})),t.write(_,f),t}var Pn=class{constructor({device:t,attribute:e,timeline:i}){this.buffers=[],this.currentLength=0,this.device=t,this.transition=new Tt(i),this.attribute=e,this.attributeInTransition=Su(e),this.currentStartIndices=e.startIndices}get inProgress(){return this.transition.inProgress}start(t,e,i=1/0){this.settings=t,this.currentStartIndices=this.attribute.startIndices,this.currentLength=Cu(this.attribute,e),this.transition.start({...t,duration:i})}update(){let t=this.transition.update();return t&&this.onUpdate(),t}setBuffer(t){let{stride:e}=this.attributeInTransition.getAccessor();this.attributeInTransition.setData({buffer:t,normalized:this.attribute.settings.normalized,value:this.attributeInTransition.value,stride:e})}cancel(){this.transition.cancel()}delete(){this.cancel();for(let t of this.buffers)t.destroy();this.buffers.length=0}};var Di=class extends Pn{constructor({device:t,attribute:e,timeline:i}){super({device:t,attribute:e,timeline:i}),this.type="interpolation",this.transform=Bv(t,e)}start(t,e){let i=this.currentLength,r=this.currentStartIndices;if(super.start(t,e,t.duration),t.duration<=0){this.transition.cancel();return}let{buffers:o,attribute:s}=this;Lo(o),o[0]=Io({device:this.device,buffer:o[0],attribute:s,fromLength:i,toLength:this.currentLength,fromStartIndices:r,getData:t.enter}),o[1]=Ao({device:this.device,source:o[0],target:o[1]}),this.setBuffer(o[1]);let{transform:a}=this,c=a.model,l=Math.floor(this.currentLength/s.size);Lu(s)&&(l/=2),c.setVertexCount(l),s.isConstant?(c.setAttributes({aFrom:o[0]}),c.setConstantAttributes({aTo:s.value})):c.setAttributes({aFrom:o[0],aTo:s.getBuffer()}),a.transformFeedback.setBuffers({vCurrent:o[1]})}onUpdate(){let{duration:t,easing:e}=this.settings,{time:i}=this.transition,r=i/t;e&&(r=e(r));let{model:o}=this.transform,s={time:r};o.shaderInputs.setProps({interpolation:s}),this.transform.run({discard:!0})}delete(){super.delete(),this.transform.destroy()}},Dv=`layout(std140) uniform interpolationUniforms {
  float time;
} interpolation;
`,Tu={name:"interpolation",vs:Dv,uniformTypes:{time:"f32"}},zv=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vCurrent;

void main(void) {
  vCurrent = mix(aFrom, aTo, interpolation.time);
  gl_Position = vec4(0.0);
}
`,Nv=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aFrom64Low;
in ATTRIBUTE_TYPE aTo;
in ATTRIBUTE_TYPE aTo64Low;
out ATTRIBUTE_TYPE vCurrent;
out ATTRIBUTE_TYPE vCurrent64Low;

vec2 mix_fp64(vec2 a, vec2 b, float x) {
  vec2 range = sub_fp64(b, a);
  return sum_fp64(a, mul_fp64(range, vec2(x, 0.0)));
}

void main(void) {
  for (int i=0; i<ATTRIBUTE_SIZE; i++) {
    vec2 value = mix_fp64(vec2(aFrom[i], aFrom64Low[i]), vec2(aTo[i], aTo64Low[i]), interpolation.time);
    vCurrent[i] = value.x;
    vCurrent64Low[i] = value.y;
  }
  gl_Position = vec4(0.0);
}
`;function Lu(n){return n.isDoublePrecisionBuffer}function Bv(n,t){let e=t.size,i=Co(e),r=To(e),o=t.getBufferLayout();return Lu(t)?new On(n,{vs:Nv,bufferLayout:[{name:"aFrom",byteStride:8*e,attributes:[{attribute:"aFrom",format:r,byteOffset:0},{attribute:"aFrom64Low",format:r,byteOffset:4*e}]},{name:"aTo",byteStride:8*e,attributes:[{attribute:"aTo",format:r,byteOffset:0},{attribute:"aTo64Low",format:r,byteOffset:4*e}]}],modules:[Uc,Tu],defines:{ATTRIBUTE_TYPE:i,ATTRIBUTE_SIZE:e},moduleSettings:{},varyings:["vCurrent","vCurrent64Low"],bufferMode:35980,disableWarnings:!0}):new On(n,{vs:zv,bufferLayout:[{name:"aFrom",format:r},{name:"aTo",format:o.attributes[0].format}],modules:[Tu],defines:{ATTRIBUTE_TYPE:i},varyings:["vCurrent"],disableWarnings:!0})}var zi=class extends Pn{constructor({device:t,attribute:e,timeline:i}){super({device:t,attribute:e,timeline:i}),this.type="spring",this.texture=Wv(t),this.framebuffer=Yv(t,this.texture),this.transform=Gv(t,e)}start(t,e){let i=this.currentLength,r=this.currentStartIndices;super.start(t,e);let{buffers:o,attribute:s}=this;for(let c=0;c<2;c++)o[c]=Io({device:this.device,buffer:o[c],attribute:s,fromLength:i,toLength:this.currentLength,fromStartIndices:r,getData:t.enter});o[2]=Ao({device:this.device,source:o[0],target:o[2]}),this.setBuffer(o[1]);let{model:a}=this.transform;a.setVertexCount(Math.floor(this.currentLength/s.size)),s.isConstant?a.setConstantAttributes({aTo:s.value}):a.setAttributes({aTo:s.getBuffer()})}onUpdate(){let{buffers:t,transform:e,framebuffer:i,transition:r}=this,o=this.settings;e.model.setAttributes({aPrev:t[0],aCur:t[1]}),e.transformFeedback.setBuffers({vNext:t[2]});let s={stiffness:o.stiffness,damping:o.damping};e.model.shaderInputs.setProps({spring:s}),e.run({framebuffer:i,discard:!1,parameters:{viewport:[0,0,1,1]},clearColor:[0,0,0,0]}),Lo(t),this.setBuffer(t[1]),this.device.readPixelsToArrayWebGL(i)[0]>0||r.end()}delete(){super.delete(),this.transform.destroy(),this.texture.destroy(),this.framebuffer.destroy()}},jv=`layout(std140) uniform springUniforms {
  float damping;
  float stiffness;
} spring;
`,Vv={name:"spring",vs:jv,uniformTypes:{damping:"f32",stiffness:"f32"}},Fv=`#version 300 es
#define SHADER_NAME spring-transition-vertex-shader

#define EPSILON 0.00001

in ATTRIBUTE_TYPE aPrev;
in ATTRIBUTE_TYPE aCur;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vNext;
out float vIsTransitioningFlag;

ATTRIBUTE_TYPE getNextValue(ATTRIBUTE_TYPE cur, ATTRIBUTE_TYPE prev, ATTRIBUTE_TYPE dest) {
  ATTRIBUTE_TYPE velocity = cur - prev;
  ATTRIBUTE_TYPE delta = dest - cur;
  ATTRIBUTE_TYPE force = delta * spring.stiffness;
  ATTRIBUTE_TYPE resistance = velocity * spring.damping;
  return force - resistance + velocity + cur;
}

void main(void) {
  bool isTransitioning = length(aCur - aPrev) > EPSILON || length(aTo - aCur) > EPSILON;
  vIsTransitioningFlag = isTransitioning ? 1.0 : 0.0;

  vNext = getNextValue(aCur, aPrev, aTo);
  gl_Position = vec4(0, 0, 0, 1);
  gl_PointSize = 100.0;
}
`,Uv=`#version 300 es
#define SHADER_NAME spring-transition-is-transitioning-fragment-shader

in float vIsTransitioningFlag;

out vec4 fragColor;

void main(void) {
  if (vIsTransitioningFlag == 0.0) {
    discard;
  }
  fragColor = vec4(1.0);
}`;function Gv(n,t){let e=Co(t.size),i=To(t.size);return new On(n,{vs:Fv,fs:Uv,bufferLayout:[{name:"aPrev",format:i},{name:"aCur",format:i},{name:"aTo",format:t.getBufferLayout().attributes[0].format}],varyings:["vNext"],modules:[Vv],defines:{ATTRIBUTE_TYPE:e},parameters:{depthCompare:"always",blendColorOperation:"max",blendColorSrcFactor:"one",blendColorDstFactor:"one",blendAlphaOperation:"max",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one"}})}function Wv(n){return n.createTexture({data:new Uint8Array(4),format:"rgba8unorm",width:1,height:1})}function Yv(n,t){return n.createFramebuffer({id:"spring-transition-is-transitioning-framebuffer",width:1,height:1,colorAttachments:[t]})}var $v={interpolation:Di,spring:zi},Ni=class{constructor(t,{id:e,timeline:i}){if(!t)throw new Error("AttributeTransitionManager is constructed without device");this.id=e,this.device=t,this.timeline=i,this.transitions={},this.needsRedraw=!1,this.numInstances=1}finalize(){for(let t in this.transitions)this._removeTransition(t)}update({attributes:t,transitions:e,numInstances:i}){this.numInstances=i||1;for(let r in t){let o=t[r],s=o.getTransitionSetting(e);s&&this._updateAttribute(r,o,s)}for(let r in this.transitions){let o=t[r];(!o||!o.getTransitionSetting(e))&&this._removeTransition(r)}}hasAttribute(t){let e=this.transitions[t];return e&&e.inProgress}getAttributes(){let t={};for(let e in this.transitions){let i=this.transitions[e];i.inProgress&&(t[e]=i.attributeInTransition)}return t}run(){if(this.numInstances===0)return!1;for(let e in this.transitions)this.transitions[e].update()&&(this.needsRedraw=!0);let t=this.needsRedraw;return this.needsRedraw=!1,t}_removeTransition(t){this.transitions[t].delete(),delete this.transitions[t]}_updateAttribute(t,e,i){let r=this.transitions[t],o=!r||r.type!==i.type;if(o){r&&this._removeTransition(t);let s=$v[i.type];s?this.transitions[t]=new s({attribute:e,timeline:this.timeline,device:this.device}):(I.error(`unsupported transition type '${i.type}'`)(),o=!1)}(o||e.needsRedraw())&&(this.needsRedraw=!0,this.transitions[t].start(i,this.numInstances))}};var Au="attributeManager.invalidate",Hv="attributeManager.updateStart",Zv="attributeManager.updateEnd",qv="attribute.updateStart",Xv="attribute.allocate",Kv="attribute.updateEnd",Bi=class{constructor(t,{id:e="attribute-manager",stats:i,timeline:r}={}){this.mergeBoundsMemoized=Vt(jh),this.id=e,this.device=t,this.attributes={},this.updateTriggers={},this.needsRedraw=!0,this.userData={},this.stats=i,this.attributeTransitionManager=new Ni(t,{id:`${e}-transitions`,timeline:r}),this.attributeBufferGroups=t.type==="webgpu"?new ki(t,{id:e,isTransitionAttribute:o=>this.attributeTransitionManager.hasAttribute(o)}):null,Object.seal(this)}finalize(){this.attributeBufferGroups?.finalize();for(let t in this.attributes)this.attributes[t].delete();this.attributeTransitionManager.finalize()}getNeedsRedraw(t={clearRedrawFlags:!1}){let e=this.needsRedraw;return this.needsRedraw=this.needsRedraw&&!t.clearRedrawFlags,e&&this.id}setNeedsRedraw(){this.needsRedraw=!0}add(t){this._add(t)}addInstanced(t){this._add(t,{stepMode:"instance"})}remove(t){for(let e of t)this.attributes[e]!==void 0&&(this.attributes[e].delete(),delete this.attributes[e])}invalidate(t,e){let i=this._invalidateTrigger(t,e);G(Au,this,t,i)}invalidateAll(t){for(let e in this.attributes)this.attributes[e].setNeedsUpdate(e,t);G(Au,this,"all")}update({data:t,numInstances:e,startIndices:i=null,transitions:r,props:o={},buffers:s={},context:a={}}){let c=!1;G(Hv,this),this.stats&&this.stats.get("Update Attributes").timeStart();for(let l in this.attributes){let f=this.attributes[l],h=f.settings.accessor;f.startIndices=i,f.numInstances=e,o[l]&&I.removed(`props.${l}`,`data.attributes.${l}`)(),f.setExternalBuffer(s[l])||f.setBinaryValue(typeof h=="string"?s[h]:void 0,t.startIndices)||typeof h=="string"&&!s[h]&&f.setConstantValue(a,o[h])||f.needsUpdate()&&(c=!0,this._updateAttribute({attribute:f,numInstances:e,data:t,props:o,context:a})),this.needsRedraw=this.needsRedraw||f.needsRedraw()}c&&G(Zv,this,e),this.stats&&(this.stats.get("Update Attributes").timeEnd(),c&&this.stats.get("Attributes updated").incrementCount()),this.attributeTransitionManager.update({attributes:this.attributes,numInstances:e,transitions:r})}updateTransition(){let{attributeTransitionManager:t}=this,e=t.run();return this.needsRedraw=this.needsRedraw||e,e}getAttributes(){return{...this.attributes,...this.attributeTransitionManager.getAttributes()}}getBounds(t){let e=t.map(i=>this.attributes[i]?.getBounds());return this.mergeBoundsMemoized(e)}getChangedAttributes(t={clearChangedFlags:!1}){let{attributes:e,attributeTransitionManager:i}=this,r={...i.getAttributes()};for(let o in e){let s=e[o];s.needsRedraw(t)&&!i.hasAttribute(o)&&(r[o]=s)}return r}getBufferLayouts(t){return this.hasBufferGroups()?this.attributeBufferGroups.getBufferLayouts(this.getAttributes(),t):Object.values(this.getAttributes()).map(e=>e.getBufferLayout(t))}hasBufferGroups(){return!!this.attributeBufferGroups?.hasGroups(this.attributes)}getBufferGroupBindings(t,e,i={}){return this.attributeBufferGroups?this.attributeBufferGroups.getBindings(this.getAttributes(),t,e,i):{bufferLayouts:this.getBufferLayouts(e),buffers:{},groupedAttributeIds:new Set}}_add(t,e){for(let i in t){let r=t[i],o={...r,id:i,size:r.isIndexed&&1||r.size||1,...e};this.attributes[i]=new Ue(this.device,o)}this._mapUpdateTriggersToAttributes()}_mapUpdateTriggersToAttributes(){let t={};for(let e in this.attributes)this.attributes[e].getUpdateTriggers().forEach(r=>{t[r]||(t[r]=[]),t[r].push(e)});this.updateTriggers=t}_invalidateTrigger(t,e){let{attributes:i,updateTriggers:r}=this,o=r[t];return o&&o.forEach(s=>{let a=i[s];a&&a.setNeedsUpdate(a.id,e)}),o}_updateAttribute(t){let{attribute:e,numInstances:i}=t;if(G(qv,e),e.constant){e.setConstantValue(t.context,e.value);return}e.allocate(i)&&G(Xv,e,i),e.updateBuffer(t)&&(this.needsRedraw=!0,G(Kv,e,i))}};var ji=class extends Tt{get value(){return this._value}_onUpdate(){let{time:t,settings:{fromValue:e,toValue:i,duration:r,easing:o}}=this,s=o(t/r);this._value=Se(e,i,s)}};var Iu=1e-5;function Ru(n,t,e,i,r){let o=t-n,a=(e-t)*r,c=-o*i;return a+c+o+t}function Jv(n,t,e,i,r){if(Array.isArray(e)){let o=[];for(let s=0;s<e.length;s++)o[s]=Ru(n[s],t[s],e[s],i,r);return o}return Ru(n,t,e,i,r)}function Ou(n,t){if(Array.isArray(n)){let e=0;for(let i=0;i<n.length;i++){let r=n[i]-t[i];e+=r*r}return Math.sqrt(e)}return Math.abs(n-t)}var Vi=class extends Tt{get value(){return this._currValue}_onUpdate(){let{fromValue:t,toValue:e,damping:i,stiffness:r}=this.settings,{_prevValue:o=t,_currValue:s=t}=this,a=Jv(o,s,e,i,r),c=Ou(a,e),l=Ou(a,s);c<Iu&&l<Iu&&(a=e,this.end()),this._prevValue=s,this._currValue=a}};var Qv={interpolation:ji,spring:Vi},Fi=class{constructor(t){this.transitions=new Map,this.timeline=t}get active(){return this.transitions.size>0}add(t,e,i,r){let{transitions:o}=this;if(o.has(t)){let c=o.get(t),{value:l=c.settings.fromValue}=c;e=l,this.remove(t)}if(r=Eo(r),!r)return;let s=Qv[r.type];if(!s){I.error(`unsupported transition type '${r.type}'`)();return}let a=new s(this.timeline);a.start({...r,fromValue:e,toValue:i}),o.set(t,a)}remove(t){let{transitions:e}=this;e.has(t)&&(e.get(t).cancel(),e.delete(t))}update(){let t={};for(let[e,i]of this.transitions)i.update(),t[e]=i.value,i.inProgress||this.remove(e);return t}clear(){for(let t of this.transitions.keys())this.remove(t)}};function Du(n){let t=n[yt];for(let e in t){let i=t[e],{validate:r}=i;if(r&&!r(n[e],i))throw new Error(`Invalid prop ${e}: ${n[e]}`)}}function zu(n,t){let e=Nu({newProps:n,oldProps:t,propTypes:n[yt],ignoreProps:{data:null,updateTriggers:null,extensions:null,transitions:null}}),i=e_(n,t),r=!1;return i||(r=n_(n,t)),{dataChanged:i,propsChanged:e,updateTriggersChanged:r,extensionsChanged:i_(n,t),transitionsChanged:t_(n,t)}}function t_(n,t){if(!n.transitions)return!1;let e={},i=n[yt],r=!1;for(let o in n.transitions){let s=i[o],a=s&&s.type;(a==="number"||a==="color"||a==="array")&&fc(n[o],t[o],s)&&(e[o]=!0,r=!0)}return r?e:!1}function Nu({newProps:n,oldProps:t,ignoreProps:e={},propTypes:i={},triggerName:r="props"}){if(t===n)return!1;if(typeof n!="object"||n===null)return`${r} changed shallowly`;if(typeof t!="object"||t===null)return`${r} changed shallowly`;for(let o of Object.keys(n))if(!(o in e)){if(!(o in t))return`${r}.${o} added`;let s=fc(n[o],t[o],i[o]);if(s)return`${r}.${o} ${s}`}for(let o of Object.keys(t))if(!(o in e)){if(!(o in n))return`${r}.${o} dropped`;if(!Object.hasOwnProperty.call(n,o)){let s=fc(n[o],t[o],i[o]);if(s)return`${r}.${o} ${s}`}}return!1}function fc(n,t,e){let i=e&&e.equal;return i&&!i(n,t,e)||!i&&(i=n&&t&&n.equals,i&&!i.call(n,t))?"changed deeply":!i&&t!==n?"changed shallowly":null}function e_(n,t){if(t===null)return"oldProps is null, initial diff";let e=!1,{dataComparator:i,_dataDiff:r}=n;return i?i(n.data,t.data)||(e="Data comparator detected a change"):n.data!==t.data&&(e="A new data container was supplied"),e&&r&&(e=r(n.data,t.data)||e),e}function n_(n,t){if(t===null)return{all:!0};if("all"in n.updateTriggers&&ku(n,t,"all"))return{all:!0};let e={},i=!1;for(let r in n.updateTriggers)r!=="all"&&ku(n,t,r)&&(e[r]=!0,i=!0);return i?e:!1}function i_(n,t){if(t===null)return!0;let e=t.extensions,{extensions:i}=n;if(i===e)return!1;if(!e||!i||i.length!==e.length)return!0;for(let r=0;r<i.length;r++)if(!i[r].equals(e[r]))return!0;return!1}function ku(n,t,e){let i=n.updateTriggers[e];i=i??{};let r=t.updateTriggers[e];return r=r??{},Nu({oldProps:r,newProps:i,triggerName:e})}var r_="count(): argument not an object",o_="count(): argument not a container";function Bu(n){if(!a_(n))throw new Error(r_);if(typeof n.count=="function")return n.count();if(Number.isFinite(n.size))return n.size;if(Number.isFinite(n.length))return n.length;if(s_(n))return Object.keys(n).length;throw new Error(o_)}function s_(n){return n!==null&&typeof n=="object"&&n.constructor===Object}function a_(n){return n!==null&&typeof n=="object"}function hc(n,t){if(!t)return n;let e={...n,...t};if("defines"in t&&(e.defines={...n.defines,...t.defines}),"modules"in t&&(e.modules=(n.modules||[]).concat(t.modules),t.modules.some(i=>i.name==="project64"))){let i=e.modules.findIndex(r=>r.name==="project32");i>=0&&e.modules.splice(i,1)}if("inject"in t)if(!n.inject)e.inject=t.inject;else{let i={...n.inject};for(let r in t.inject)i[r]=(i[r]||"")+t.inject[r];e.inject=i}return e}var c_={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},uc={};function ju(n,t,e,i){if(e instanceof oe)return e;e.constructor&&e.constructor.name!=="Object"&&(e={data:e});let r=null;e.compressed&&(r={minFilter:"linear",mipmapFilter:e.data.length>1?"nearest":"linear"});let{width:o,height:s}=e.data,a=t.createTexture({...e,sampler:{...c_,...r,...i},mipLevels:t.getMipLevelCount(o,s)});return t.type==="webgl"?a.generateMipmapsWebGL():t.type==="webgpu"&&t.generateMipmapsWebGPU(a),uc[a.id]=n,a}function Vu(n,t){!t||!(t instanceof oe)||uc[t.id]===n&&(t.delete(),delete uc[t.id])}var l_={boolean:{validate(n,t){return!0},equal(n,t,e){return!!n==!!t}},number:{validate(n,t){return Number.isFinite(n)&&(!("max"in t)||n<=t.max)&&(!("min"in t)||n>=t.min)}},color:{validate(n,t){return t.optional&&!n||dc(n)&&(n.length===3||n.length===4)},equal(n,t,e){return W(n,t,1)}},accessor:{validate(n,t){let e=Ro(n);return e==="function"||e===Ro(t.value)},equal(n,t,e){return typeof t=="function"?!0:W(n,t,1)}},array:{validate(n,t){return t.optional&&!n||dc(n)},equal(n,t,e){let{compare:i}=e,r=Number.isInteger(i)?i:i?1:0;return i?W(n,t,r):n===t}},object:{equal(n,t,e){if(e.ignore)return!0;let{compare:i}=e,r=Number.isInteger(i)?i:i?1:0;return i?W(n,t,r):n===t}},function:{validate(n,t){return t.optional&&!n||typeof n=="function"},equal(n,t,e){return!e.compare&&e.ignore!==!1||n===t}},data:{transform:(n,t,e)=>{if(!n)return n;let{dataTransform:i}=e.props;return i?i(n):typeof n.shape=="string"&&n.shape.endsWith("-table")&&Array.isArray(n.data)?n.data:n}},image:{transform:(n,t,e)=>{let i=e.context;return!i||!i.device?null:ju(e.id,i.device,n,{...t.parameters,...e.props.textureParameters})},release:(n,t,e)=>{Vu(e.id,n)}}};function Fu(n){let t={},e={},i={};for(let[r,o]of Object.entries(n)){let s=o?.deprecatedFor;if(s)i[r]=Array.isArray(s)?s:[s];else{let a=f_(r,o);t[r]=a,e[r]=a.value}}return{propTypes:t,defaultProps:e,deprecatedProps:i}}function f_(n,t){switch(Ro(t)){case"object":return Ui(n,t);case"array":return Ui(n,{type:"array",value:t,compare:!1});case"boolean":return Ui(n,{type:"boolean",value:t});case"number":return Ui(n,{type:"number",value:t});case"function":return Ui(n,{type:"function",value:t,compare:!0});default:return{name:n,type:"unknown",value:t}}}function Ui(n,t){return"type"in t?{name:n,...l_[t.type],...t}:"value"in t?{name:n,type:Ro(t.value),...t}:{name:n,type:"object",value:t}}function dc(n){return Array.isArray(n)||ArrayBuffer.isView(n)}function Ro(n){return dc(n)?"array":n===null?"null":typeof n}function Uu(n,t){let e;for(let o=t.length-1;o>=0;o--){let s=t[o];"extensions"in s&&(e=s.extensions)}let i=pc(n.constructor,e),r=Object.create(i);r[mn]=n,r[Gt]={},r[Ct]={};for(let o=0;o<t.length;++o){let s=t[o];for(let a in s)r[a]=s[a]}return Object.freeze(r),r}var h_="_mergedDefaultProps";function pc(n,t){if(!(n instanceof Oo.constructor))return{};let e=h_;if(t)for(let r of t){let o=r.constructor;o&&(e+=`:${o.extensionName||o.name}`)}let i=Gu(n,e);return i||(n[e]=u_(n,t||[]))}function u_(n,t){if(!n.prototype)return null;let i=Object.getPrototypeOf(n),r=pc(i),o=Gu(n,"defaultProps")||{},s=Fu(o),a=Object.assign(Object.create(null),r,s.defaultProps),c=Object.assign(Object.create(null),r?.[yt],s.propTypes),l=Object.assign(Object.create(null),r?.[po],s.deprecatedProps);for(let f of t){let h=pc(f.constructor);h&&(Object.assign(a,h),Object.assign(c,h[yt]),Object.assign(l,h[po]))}return d_(a,n),g_(a,c),p_(a,l),a[yt]=c,a[po]=l,t.length===0&&!gc(n,"_propTypes")&&(n._propTypes=c),a}function d_(n,t){let e=y_(t);Object.defineProperties(n,{id:{writable:!0,value:e}})}function p_(n,t){for(let e in t)Object.defineProperty(n,e,{enumerable:!1,set(i){let r=`${this.id}: ${e}`;for(let o of t[e])gc(this,o)||(this[o]=i);I.deprecated(r,t[e].join("/"))()}})}function g_(n,t){let e={},i={};for(let r in t){let o=t[r],{name:s,value:a}=o;o.async&&(e[s]=a,i[s]=m_(s))}n[Qt]=e,n[Gt]={},Object.defineProperties(n,i)}function m_(n){return{enumerable:!0,set(t){typeof t=="string"||t instanceof Promise||wo(t)?this[Gt][n]=t:this[Ct][n]=t},get(){if(this[Ct]){if(n in this[Ct])return this[Ct][n]||this[Qt][n];if(n in this[Gt]){let t=this[mn]&&this[mn].internalState;if(t&&t.hasAsyncProp(n))return t.getAsyncProp(n)||this[Qt][n]}}return this[Qt][n]}}}function gc(n,t){return Object.prototype.hasOwnProperty.call(n,t)}function Gu(n,t){return gc(n,t)&&n[t]}function y_(n){let t=n.componentName;return t||I.warn(`${n.name}.componentName not specified`)(),t||n.name}var x_=0,Gi=class{constructor(...t){this.props=Uu(this,t),this.id=this.props.id,this.count=x_++}clone(t){let{props:e}=this,i={};for(let r in e[Qt])r in e[Ct]?i[r]=e[Ct][r]:r in e[Gt]&&(i[r]=e[Gt][r]);return new this.constructor({...e,...i,...t})}};Gi.componentName="Component";Gi.defaultProps={};var Oo=Gi;var v_=Object.freeze({}),Wi=class{constructor(t){this.component=t,this.asyncProps={},this.onAsyncPropUpdated=()=>{},this.oldProps=null,this.oldAsyncProps=null}finalize(){for(let t in this.asyncProps){let e=this.asyncProps[t];e&&e.type&&e.type.release&&e.type.release(e.resolvedValue,e.type,this.component)}this.asyncProps={},this.component=null,this.resetOldProps()}getOldProps(){return this.oldAsyncProps||this.oldProps||v_}resetOldProps(){this.oldAsyncProps=null,this.oldProps=this.component?this.component.props:null}hasAsyncProp(t){return t in this.asyncProps}getAsyncProp(t){let e=this.asyncProps[t];return e&&e.resolvedValue}isAsyncPropLoading(t){if(t){let e=this.asyncProps[t];return!!(e&&e.pendingLoadCount>0&&e.pendingLoadCount!==e.resolvedLoadCount)}for(let e in this.asyncProps)if(this.isAsyncPropLoading(e))return!0;return!1}reloadAsyncProp(t,e){this._watchPromise(t,Promise.resolve(e))}setAsyncProps(t){this.component=t[mn]||this.component;let e=t[Ct]||{},i=t[Gt]||t,r=t[Qt]||{};for(let o in e){let s=e[o];this._createAsyncPropData(o,r[o]),this._updateAsyncProp(o,s),e[o]=this.getAsyncProp(o)}for(let o in i){let s=i[o];this._createAsyncPropData(o,r[o]),this._updateAsyncProp(o,s)}}_fetch(t,e){return null}_onResolve(t,e){}_onError(t,e){}_updateAsyncProp(t,e){if(this._didAsyncInputValueChange(t,e)){if(typeof e=="string"&&(e=this._fetch(t,e)),e instanceof Promise){this._watchPromise(t,e);return}if(wo(e)){this._resolveAsyncIterable(t,e);return}this._setPropValue(t,e)}}_freezeAsyncOldProps(){if(!this.oldAsyncProps&&this.oldProps){this.oldAsyncProps=Object.create(this.oldProps);for(let t in this.asyncProps)Object.defineProperty(this.oldAsyncProps,t,{enumerable:!0,value:this.oldProps[t]})}}_didAsyncInputValueChange(t,e){let i=this.asyncProps[t];return e===i.resolvedValue||e===i.lastValue?!1:(i.lastValue=e,!0)}_setPropValue(t,e){this._freezeAsyncOldProps();let i=this.asyncProps[t];i&&(e=this._postProcessValue(i,e),i.resolvedValue=e,i.pendingLoadCount++,i.resolvedLoadCount=i.pendingLoadCount)}_setAsyncPropValue(t,e,i){let r=this.asyncProps[t];r&&i>=r.resolvedLoadCount&&e!==void 0&&(this._freezeAsyncOldProps(),r.resolvedValue=e,r.resolvedLoadCount=i,this.onAsyncPropUpdated(t,e))}_watchPromise(t,e){let i=this.asyncProps[t];if(i){i.pendingLoadCount++;let r=i.pendingLoadCount;e.then(o=>{this.component&&(o=this._postProcessValue(i,o),this._setAsyncPropValue(t,o,r),this._onResolve(t,o))}).catch(o=>{this._onError(t,o)})}}async _resolveAsyncIterable(t,e){if(t!=="data"){this._setPropValue(t,e);return}let i=this.asyncProps[t];if(!i)return;i.pendingLoadCount++;let r=i.pendingLoadCount,o=[],s=0;for await(let a of e){if(!this.component)return;let{dataTransform:c}=this.component.props;c?o=c(a,o):o=o.concat(a),Object.defineProperty(o,"__diff",{enumerable:!1,value:[{startRow:s,endRow:o.length}]}),s=o.length,this._setAsyncPropValue(t,o,r)}this._onResolve(t,o)}_postProcessValue(t,e){let i=t.type;return i&&this.component&&(i.release&&i.release(t.resolvedValue,i,this.component),i.transform)?i.transform(e,i,this.component):e}_createAsyncPropData(t,e){if(!this.asyncProps[t]){let r=this.component&&this.component.props[yt];this.asyncProps[t]={type:r&&r[t],lastValue:null,resolvedValue:e,pendingLoadCount:0,resolvedLoadCount:0}}}};var Yi=class extends Wi{constructor({attributeManager:t,layer:e}){super(e),this.attributeManager=t,this.needsRedraw=!0,this.needsUpdate=!0,this.subLayers=null,this.usesPickingColorCache=!1,this.disabledPickingIndices=[]}get layer(){return this.component}_fetch(t,e){let i=this.layer,r=i?.props.fetch;return r?r(e,{propName:t,layer:i}):super._fetch(t,e)}_onResolve(t,e){let i=this.layer;if(i){let r=i.props.onDataLoad;t==="data"&&r&&r(e,{propName:t,layer:i})}}_onError(t,e){let i=this.layer;i&&i.raiseError(e,`loading ${t} of ${this.layer}`)}};var __="layer.changeFlag",P_="layer.initialize",w_="layer.update",b_="layer.finalize",E_="layer.matched",Wu=2**24-1,M_=Object.freeze([]),S_=Vt(({oldViewport:n,viewport:t})=>n.equals(t)),_t=new Uint8ClampedArray(0);function Yu(n){return n.rowIndexes||n.pickingColors||n.instancePickingColors}function mc(n){return n.rowIndexes}function yc(n){return n.pickingColors||n.instancePickingColors}var C_={data:{type:"data",value:M_,async:!0},dataComparator:{type:"function",value:null,optional:!0},_dataDiff:{type:"function",value:n=>n&&n.__diff,optional:!0},dataTransform:{type:"function",value:null,optional:!0},onDataLoad:{type:"function",value:null,optional:!0},onError:{type:"function",value:null,optional:!0},fetch:{type:"function",value:(n,{propName:t,layer:e,loaders:i,loadOptions:r,signal:o})=>{let{resourceManager:s}=e.context;r=r||e.getLoadOptions(),i=i||e.props.loaders,o&&(r={...r,core:{...r?.core,fetch:{...r?.core?.fetch,signal:o}}});let a=s.contains(n);return!a&&!r&&(s.add({resourceId:n,data:fe(n,i),persistent:!1}),a=!0),a?s.subscribe({resourceId:n,onChange:c=>e.internalState?.reloadAsyncProp(t,c),consumerId:e.id,requestId:t}):fe(n,i,r)}},updateTriggers:{},visible:!0,pickable:!1,opacity:{type:"number",min:0,max:1,value:1},operation:"draw",onHover:{type:"function",value:null,optional:!0},onClick:{type:"function",value:null,optional:!0},onDragStart:{type:"function",value:null,optional:!0},onDrag:{type:"function",value:null,optional:!0},onDragEnd:{type:"function",value:null,optional:!0},coordinateSystem:"default",coordinateOrigin:{type:"array",value:[0,0,0],compare:!0},modelMatrix:{type:"array",value:null,compare:!0,optional:!0},wrapLongitude:!1,positionFormat:"XYZ",colorFormat:"RGBA",parameters:{type:"object",value:{},optional:!0,compare:2},loadOptions:{type:"object",value:null,optional:!0,ignore:!0},transitions:null,extensions:[],loaders:{type:"array",value:[],optional:!0,ignore:!0},getPolygonOffset:{type:"function",value:({layerIndex:n})=>[0,-n*100]},highlightedObjectIndex:null,autoHighlight:!1,highlightColor:{type:"accessor",value:[0,0,128,128]}},$i=class extends Oo{constructor(){super(...arguments),this.internalState=null,this.lifecycle=me.NO_STATE,this.parent=null}static get componentName(){return Object.prototype.hasOwnProperty.call(this,"layerName")?this.layerName:""}get root(){let t=this;for(;t.parent;)t=t.parent;return t}toString(){return`${this.constructor.layerName||this.constructor.name}({id: '${this.props.id}'})`}project(t){D(this.internalState);let e=this.internalState.viewport||this.context.viewport,i=uo(t,{viewport:e,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem}),[r,o,s]=pe(i,e.pixelProjectionMatrix);return t.length===2?[r,o]:[r,o,s]}unproject(t){return D(this.internalState),(this.internalState.viewport||this.context.viewport).unproject(t)}projectPosition(t,e){D(this.internalState);let i=this.internalState.viewport||this.context.viewport;return Uh(t,{viewport:i,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem,...e})}get isComposite(){return!1}get isDrawable(){return!0}setState(t){this.setChangeFlags({stateChanged:!0}),Object.assign(this.state,t),this.setNeedsRedraw()}setNeedsRedraw(){this.internalState&&(this.internalState.needsRedraw=!0)}setNeedsUpdate(){this.internalState&&(this.context.layerManager.setNeedsUpdate(String(this)),this.internalState.needsUpdate=!0)}get isLoaded(){return this.internalState?!this.internalState.isAsyncPropLoading():!1}get wrapLongitude(){return this.props.wrapLongitude}isPickable(){return this.props.pickable&&this.props.visible}getModels(){let t=this.state;return t&&(t.models||t.model&&[t.model])||[]}setShaderModuleProps(...t){for(let e of this.getModels())e.shaderInputs.setProps(...t)}getAttributeManager(){return this.internalState&&this.internalState.attributeManager}getCurrentLayer(){return this.internalState&&this.internalState.layer}getLoadOptions(){return this.props.loadOptions}use64bitPositions(){let{coordinateSystem:t}=this.props;return t==="default"||t==="lnglat"||t==="cartesian"}onHover(t,e){return this.props.onHover&&this.props.onHover(t,e)||!1}onClick(t,e){return this.props.onClick&&this.props.onClick(t,e)||!1}nullPickingColor(){return[0,0,0]}encodePickingColor(t,e=[]){return e[0]=t+1&255,e[1]=t+1>>8&255,e[2]=t+1>>8>>8&255,e}decodePickingColor(t){D(t instanceof Uint8Array);let[e,i,r]=t;return e+i*256+r*65536-1}getNumInstances(){return Number.isFinite(this.props.numInstances)?this.props.numInstances:this.state&&this.state.numInstances!==void 0?this.state.numInstances:Bu(this.props.data)}getStartIndices(){return this.props.startIndices?this.props.startIndices:this.state&&this.state.startIndices?this.state.startIndices:null}getBounds(){return this.getAttributeManager()?.getBounds(["positions","instancePositions"])}getShaders(t){t=hc(t,{disableWarnings:!0,modules:this.context.defaultShaderModules});for(let e of this.props.extensions)t=hc(t,e.getShaders.call(this,e));return t}shouldUpdateState(t){return t.changeFlags.propsOrDataChanged}updateState(t){let e=this.getAttributeManager(),{dataChanged:i}=t.changeFlags;if(i&&e)if(Array.isArray(i))for(let r of i)e.invalidateAll(r);else e.invalidateAll();if(e){let{props:r}=t,o=this.internalState.hasPickingBuffer,s=Number.isInteger(r.highlightedObjectIndex)||!!r.pickable||r.extensions.some(a=>a.getNeedsPickingBuffer.call(this,a));if(o!==s){this.internalState.hasPickingBuffer=s;let a=Yu(e.attributes);a&&(s&&a.constant&&(a.constant=!1,e.invalidate(a.id)),!a.value&&!s&&(a.constant=!0,a.value=mc(e.attributes)?[ai]:[0,0,0]))}}}finalizeState(t){for(let i of this.getModels())i.destroy();let e=this.getAttributeManager();e&&e.finalize(),this.context&&this.context.resourceManager.unsubscribe({consumerId:this.id}),this.internalState&&(this.internalState.uniformTransitions.clear(),this.internalState.finalize())}draw(t){for(let e of this.getModels())e.draw(t.renderPass)}getPickingInfo({info:t,mode:e,sourceLayer:i}){let{index:r}=t;return r>=0&&Array.isArray(this.props.data)&&(t.object=this.props.data[r]),t}raiseError(t,e){e&&(t=new Error(`${e}: ${t.message}`,{cause:t})),this.props.onError?.(t)||this.context?.onError?.(t,this)}getNeedsRedraw(t={clearRedrawFlags:!1}){return this._getNeedsRedraw(t)}needsUpdate(){return this.internalState?this.internalState.needsUpdate||this.hasUniformTransition()||this.shouldUpdateState(this._getUpdateParams()):!1}hasUniformTransition(){return this.internalState?.uniformTransitions.active||!1}activateViewport(t){if(!this.internalState)return;let e=this.internalState.viewport;this.internalState.viewport=t,(!e||!S_({oldViewport:e,viewport:t}))&&(this.setChangeFlags({viewportChanged:!0}),this.isComposite?this.needsUpdate()&&this.setNeedsUpdate():this._update())}invalidateAttribute(t="all"){let e=this.getAttributeManager();e&&(t==="all"?e.invalidateAll():e.invalidate(t))}updateAttributes(t){let e=!1;for(let i in t)t[i].layoutChanged()&&(e=!0);for(let i of this.getModels())this._setModelAttributes(i,t,e)}_updateAttributes(){let t=this.getAttributeManager();if(!t)return;let e=this.props,i=this.getNumInstances(),r=this.getStartIndices();t.update({data:e.data,numInstances:i,startIndices:r,props:e,transitions:e.transitions,buffers:e.data.attributes,context:this});let o=t.getChangedAttributes({clearChangedFlags:!0});this.updateAttributes(o)}_updateAttributeTransition(){let t=this.getAttributeManager();t&&t.updateTransition()}_updateUniformTransition(){let{uniformTransitions:t}=this.internalState;if(t.active){let e=t.update(),i=Object.create(this.props);for(let r in e)Object.defineProperty(i,r,{value:e[r]});return i}return this.props}calculateInstancePickingColors(t,{numInstances:e}){if(t.constant)return;let i=Math.floor(_t.length/4);this.internalState.usesPickingColorCache=!0;let r=e>0&&_t[0]===0;if(i<e||r){e>Wu&&I.warn("Layer has too many data objects. Picking might not be able to distinguish all objects.")(),_t=St.allocate(_t,e,{size:4,copy:!0,maxCount:Math.max(e,Wu)});let o=Math.floor(_t.length/4),s=[0,0,0],a=r?0:i;for(let c=a;c<o;c++)this.encodePickingColor(c,s),_t[c*4+0]=s[0],_t[c*4+1]=s[1],_t[c*4+2]=s[2],_t[c*4+3]=0}t.value=_t.subarray(0,e*4)}_setModelAttributes(t,e,i=!1){if(!Object.keys(e).length)return;let r=this.getAttributeManager();if(r?.hasBufferGroups()){this._setGroupedModelAttributes(t,r,e);return}if(i){let c=this.getAttributeManager();t.setBufferLayout(c.getBufferLayouts(t)),e=c.getAttributes()}let o=t.userData?.excludeAttributes||{},s={},a={};for(let c in e){if(o[c])continue;let l=e[c].getValue();for(let f in l){let h=l[f];h instanceof J?e[c].settings.isIndexed?t.setIndexBuffer(h):s[f]=h:h&&(a[f]=h)}}t.setAttributes(s),t.setConstantAttributes(a)}_setGroupedModelAttributes(t,e,i){let r=t.userData?.excludeAttributes||{},o=e.getBufferGroupBindings(i,t,r);t.setBufferLayout(o.bufferLayouts);let s={...o.buffers},a={},c=e.getAttributes();for(let l in c){if(r[l]||o.groupedAttributeIds.has(l))continue;let f=c[l],h=f.getValue();for(let u in h){let d=h[u];d instanceof J?f.settings.isIndexed?t.setIndexBuffer(d):s[u]=d:d&&(a[u]=d)}}t.setAttributes(s),t.setConstantAttributes(a)}disablePickingIndex(t){let e=this.props.data;if(!("attributes"in e)){this._disablePickingIndex(t);return}let i=this.getAttributeManager().attributes,r=mc(i),o=yc(i),s=r&&e.attributes&&e.attributes[r.id];if(s&&s.value){let c=s.value;for(let l=0;l<e.length;l++){let f=r.getVertexOffset(l);c[f]===t&&this._disablePickingIndex(l)}return}let a=o&&e.attributes&&e.attributes[o.id];if(a&&a.value){let c=a.value,l=this.encodePickingColor(t);for(let f=0;f<e.length;f++){let h=o.getVertexOffset(f);c[h]===l[0]&&c[h+1]===l[1]&&c[h+2]===l[2]&&this._disablePickingIndex(f)}}else this._disablePickingIndex(t)}_disablePickingIndex(t){let e=this.getAttributeManager().attributes,i=mc(e);if(i){let a=i.getVertexOffset(t),c=i.getVertexOffset(t+1),l=new Uint32Array(c-a);l.fill(ai),i.buffer.write(l,a*l.BYTES_PER_ELEMENT);return}let r=yc(e);if(!r){this.internalState&&Ih(this.internalState.disabledPickingIndices,t);return}let o=r.getVertexOffset(t),s=r.getVertexOffset(t+1);r.buffer.write(new Uint8Array(s-o),o)}restorePickingColors(){let t=this.getAttributeManager().attributes,e=Yu(t);if(!e){this.internalState&&(this.internalState.disabledPickingIndices.length=0);return}let i=yc(t);this.internalState.usesPickingColorCache&&i&&i.value.buffer!==_t.buffer&&(i.value=_t.subarray(0,i.value.length)),e.updateSubBuffer({startOffset:0})}_initialize(){D(!this.internalState),G(P_,this);let t=this._getAttributeManager();this.internalState=new Yi({attributeManager:t,layer:this}),this._clearChangeFlags(),this.state={},Object.defineProperty(this.state,"attributeManager",{get:()=>(I.deprecated("layer.state.attributeManager","layer.getAttributeManager()")(),t)}),this.internalState.uniformTransitions=new Fi(this.context.timeline),this.internalState.onAsyncPropUpdated=this._onAsyncPropUpdated.bind(this),this.internalState.setAsyncProps(this.props),this.initializeState(this.context);for(let e of this.props.extensions)e.initializeState.call(this,this.context,e);this.setChangeFlags({dataChanged:"init",propsChanged:"init",viewportChanged:!0,extensionsChanged:!0}),this._update()}_transferState(t){G(E_,this,this===t);let{state:e,internalState:i}=t;this!==t&&(this.internalState=i,this.state=e,this.internalState.setAsyncProps(this.props),this._diffProps(this.props,this.internalState.getOldProps()))}_update(){let t=this.needsUpdate();if(G(w_,this,t),!t)return;this.context.stats.get("Layer updates").incrementCount();let e=this.props,i=this.context,r=this.internalState,o=i.viewport,s=this._updateUniformTransition();r.propsInTransition=s,i.viewport=r.viewport||o,this.props=s;try{let a=this._getUpdateParams(),c=this.getModels();if(i.device)this.updateState(a);else try{this.updateState(a)}catch{}for(let f of this.props.extensions)f.updateState.call(this,a,f);this.setNeedsRedraw(),this._updateAttributes();let l=this.getModels()[0]!==c[0];this._postUpdate(a,l)}finally{i.viewport=o,this.props=e,this._clearChangeFlags(),r.needsUpdate=!1,r.resetOldProps()}}_finalize(){G(b_,this),this.finalizeState(this.context);for(let t of this.props.extensions)t.finalizeState.call(this,this.context,t)}_drawLayer({renderPass:t,shaderModuleProps:e=null,uniforms:i={},parameters:r={}}){this._updateAttributeTransition();let o=this.props,s=this.context;this.props=this.internalState.propsInTransition||o;try{e&&this.setShaderModuleProps(e);let{getPolygonOffset:a}=this.props,c=a&&a(i)||[0,0];s.device instanceof vr&&s.device.setParametersWebGL({polygonOffset:c});let l=s.device instanceof vr?null:T_(r);if(L_(this.getModels(),t,r,l),s.device instanceof vr)s.device.withParametersWebGL(r,()=>{let f={renderPass:t,shaderModuleProps:e,uniforms:i,parameters:r,context:s};for(let h of this.props.extensions)h.draw.call(this,f,h);this.draw(f)});else{l?.renderPassParameters&&t.setParameters(l.renderPassParameters);let f={renderPass:t,shaderModuleProps:e,uniforms:i,parameters:r,context:s};for(let h of this.props.extensions)h.draw.call(this,f,h);this.draw(f)}}finally{this.props=o}}getChangeFlags(){return this.internalState?.changeFlags}setChangeFlags(t){if(!this.internalState)return;let{changeFlags:e}=this.internalState;for(let r in t)if(t[r]){let o=!1;switch(r){case"dataChanged":let s=t[r],a=e[r];s&&Array.isArray(a)&&(e.dataChanged=Array.isArray(s)?a.concat(s):s,o=!0);default:e[r]||(e[r]=t[r],o=!0)}o&&G(__,this,r,t)}let i=!!(e.dataChanged||e.updateTriggersChanged||e.propsChanged||e.extensionsChanged);e.propsOrDataChanged=i,e.somethingChanged=i||e.viewportChanged||e.stateChanged}_clearChangeFlags(){this.internalState.changeFlags={dataChanged:!1,propsChanged:!1,updateTriggersChanged:!1,viewportChanged:!1,stateChanged:!1,extensionsChanged:!1,propsOrDataChanged:!1,somethingChanged:!1}}_diffProps(t,e){let i=zu(t,e);if(i.updateTriggersChanged)for(let r in i.updateTriggersChanged)i.updateTriggersChanged[r]&&this.invalidateAttribute(r);if(i.transitionsChanged)for(let r in i.transitionsChanged)this.internalState.uniformTransitions.add(r,e[r],t[r],t.transitions?.[r]);return this.setChangeFlags(i)}validateProps(){Du(this.props)}updateAutoHighlight(t){this.props.autoHighlight&&!Number.isInteger(this.props.highlightedObjectIndex)&&this._updateAutoHighlight(t)}_updateAutoHighlight(t){let e={highlightedObjectColor:t.picked?t.color:null},{highlightColor:i}=this.props;t.picked&&typeof i=="function"&&(e.highlightColor=i(t)),this.setShaderModuleProps({picking:e}),this.setNeedsRedraw()}_getAttributeManager(){let t=this.context;return new Bi(t.device,{id:this.props.id,stats:t.stats,timeline:t.timeline})}_postUpdate(t,e){let{props:i,oldProps:r}=t,o=this.state.model;o?.isInstanced&&o.setInstanceCount(this.getNumInstances());let{autoHighlight:s,highlightedObjectIndex:a,highlightColor:c}=i;if(e||r.autoHighlight!==s||r.highlightedObjectIndex!==a||r.highlightColor!==c){let l={};Array.isArray(c)&&(l.highlightColor=c),(e||r.autoHighlight!==s||a!==r.highlightedObjectIndex)&&(l.highlightedObjectColor=Number.isFinite(a)&&a>=0?this.encodePickingColor(a):null),this.setShaderModuleProps({picking:l})}}_getUpdateParams(){return{props:this.props,oldProps:this.internalState.getOldProps(),context:this.context,changeFlags:this.internalState.changeFlags}}_getNeedsRedraw(t){if(!this.internalState)return!1;let e=!1;e=e||this.internalState.needsRedraw&&this.id;let i=this.getAttributeManager(),r=i?i.getNeedsRedraw(t):!1;if(e=e||r,e)for(let o of this.props.extensions)o.onNeedsRedraw.call(this,o);return this.internalState.needsRedraw=this.internalState.needsRedraw&&!t.clearRedrawFlags,e}_onAsyncPropUpdated(){this._diffProps(this.props,this.internalState.getOldProps()),this.setNeedsUpdate()}};$i.defaultProps=C_;$i.layerName="Layer";var Lt=$i;function T_(n){let{blendConstant:t,...e}=n;return t?{pipelineParameters:e,renderPassParameters:{blendConstant:t}}:{pipelineParameters:e}}function L_(n,t,e,i){for(let r of n)r.device.type==="webgpu"?(A_(r,t),r.setParameters({...r.parameters,...i?.pipelineParameters})):r.setParameters(e)}function A_(n,t){let e=t.props.framebuffer||(t.framebuffer??null);if(!e)return;let i=e.colorAttachments.map(s=>s?.texture?.format??null),r=e.depthStencilAttachment?.texture?.format,o=n;(!I_(o.props.colorAttachmentFormats,i)||o.props.depthStencilAttachmentFormat!==r)&&(o.props.colorAttachmentFormats=i,o.props.depthStencilAttachmentFormat=r,o._setPipelineNeedsUpdate("attachment formats"))}function I_(n,t){if(n===t)return!0;if(!n||!t||n.length!==t.length)return!1;for(let e=0;e<n.length;e++)if(n[e]!==t[e])return!1;return!0}var R_="compositeLayer.renderLayers",ko=class extends Lt{get isComposite(){return!0}get isDrawable(){return!1}get isLoaded(){return super.isLoaded&&this.getSubLayers().every(t=>t.isLoaded)}getSubLayers(){return this.internalState&&this.internalState.subLayers||[]}initializeState(t){}setState(t){super.setState(t),this.setNeedsUpdate()}getPickingInfo({info:t}){let{object:e}=t;return e&&e.__source&&e.__source.parent&&e.__source.parent.id===this.id&&(t.object=e.__source.object,t.index=e.__source.index),t}filterSubLayer(t){return!0}shouldRenderSubLayer(t,e){return e&&e.length}getSubLayerClass(t,e){let{_subLayerProps:i}=this.props;return i&&i[t]&&i[t].type||e}getSubLayerRow(t,e,i){return t.__source={parent:this,object:e,index:i},t}getSubLayerAccessor(t){if(typeof t=="function"){let e={index:-1,data:this.props.data,target:[]};return(i,r)=>i&&i.__source?(e.index=i.__source.index,t(i.__source.object,e)):t(i,r)}return t}getSubLayerProps(t={}){let{opacity:e,pickable:i,visible:r,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:h,wrapLongitude:u,positionFormat:d,modelMatrix:p,extensions:g,fetch:m,operation:v,_subLayerProps:_}=this.props,y={id:"",updateTriggers:{},opacity:e,pickable:i,visible:r,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:h,wrapLongitude:u,positionFormat:d,modelMatrix:p,extensions:g,fetch:m,operation:v},x=_&&t.id&&_[t.id],w=x&&x.updateTriggers,P=t.id||"sublayer";if(x){let C=this.props[yt],M=t.type?t.type._propTypes:{};for(let S in x){let b=M[S]||C[S];b&&b.type==="accessor"&&(x[S]=this.getSubLayerAccessor(x[S]))}}Object.assign(y,t,x),y.id=`${this.props.id}-${P}`,y.updateTriggers={all:this.props.updateTriggers?.all,...t.updateTriggers,...w};for(let C of g){let M=C.getSubLayerProps.call(this,C);M&&Object.assign(y,M,{updateTriggers:Object.assign(y.updateTriggers,M.updateTriggers)})}return y}_updateAutoHighlight(t){for(let e of this.getSubLayers())e.updateAutoHighlight(t)}_getAttributeManager(){return null}_postUpdate(t,e){let i=this.internalState.subLayers,r=!i||this.needsUpdate();if(r){let o=this.renderLayers();i=xt(o,Boolean),this.internalState.subLayers=i}G(R_,this,r,i);for(let o of i)o.parent=this}};ko.layerName="CompositeLayer";var xc=ko;var wn=Math.PI/180,$u=180/Math.PI,O_=1,Do=6370972,re=256,Hu=.75,Zu=1.15;function qu(n){let t=Kt(n+180,360)-180;return Math.abs(t)<O_}function k_(){let n=re/Do,t=Math.PI/180*re;return{unitsPerMeter:[n,n,n],unitsPerMeter2:[0,0,0],metersPerUnit:[1/n,1/n,1/n],unitsPerDegree:[t,t,n],unitsPerDegree2:[0,0,0],degreesPerUnit:[1/t,1/t,1/n]}}var zo=class extends gn{constructor(t={}){let{longitude:e=0,bearing:i=0,pitch:r=0,zoom:o=0,nearZMultiplier:s=.5,farZMultiplier:a=1,resolution:c=10}=t,{latitude:l=0,height:f,altitude:h=1.5,fovy:u}=t;l=Math.max(Math.min(l,90),-90),f=f||1,u?h=De(u):u=qt(h);let d=Math.max(Math.min(l,ot),-ot),p=Math.pow(2,o-K(d)),g=r*wn,m=t.nearZ??s,v=t.farZ??(h+re*2*p/f/Math.max(Math.cos(g),.1))*a,_=new X().lookAt({eye:[0,-h,0],up:[0,0,1]}).rotateX(-g).rotateY(-i*wn).rotateX(l*wn).rotateZ(-e*wn).scale(p/f);super({...t,height:f,viewMatrix:_,longitude:e,latitude:l,zoom:o,distanceScales:k_(),fovy:u,focalDistance:h,near:m,far:v}),this.scale=p,this.latitude=l,this.longitude=e,this.bearing=i,this.pitch=r,this.fovy=u,this.resolution=c}get projectionMode(){return H.GLOBE}getDistanceScales(){return this.distanceScales}getBounds(t={}){let e={targetZ:t.z||0},i=this.unproject([0,this.height/2],e),r=this.unproject([this.width/2,0],e),o=this.unproject([this.width,this.height/2],e),s=this.unproject([this.width/2,this.height],e);return o[0]<this.longitude&&(o[0]+=360),i[0]>this.longitude&&(i[0]-=360),[Math.min(i[0],o[0],r[0],s[0]),Math.min(i[1],o[1],r[1],s[1]),Math.max(i[0],o[0],r[0],s[0]),Math.max(i[1],o[1],r[1],s[1])]}_getRayToGlobe(t,{topLeft:e=!0,targetZ:i}={}){let[r,o]=t,s=e?o:this.height-o,{pixelUnprojectionMatrix:a}=this,c=vc(a,[r,s,-1,1]),l=vc(a,[r,s,1,1]),f=((i||0)/Do+1)*re,h=j.sqrLen(j.sub([],c,l)),u=j.sqrLen(c),d=j.sqrLen(l),g=4*((4*u*d-(h-u-d)**2)/16)/h;return{rayStartPosition:c,rayEndPosition:l,radius:f,rayLengthSquared:h,rayStartDistanceSquared:u,distanceToCenterSquared:g}}_getRayDistanceToGlobeCenterRatio(t,e){let{distanceToCenterSquared:i,radius:r}=this._getRayToGlobe(t,e);return Math.sqrt(Math.max(0,i))/r}getZoomAnchorStrength(t){let e=this._getRayDistanceToGlobeCenterRatio(t);if(e>=Zu)return 0;let i=Math.max(0,Math.min(1,(e-Hu)/(Zu-Hu)));return 1-i*i*(3-2*i)}unproject(t,{topLeft:e=!0,targetZ:i}={}){let[r,o,s]=t,a=e?o:this.height-o,{pixelUnprojectionMatrix:c}=this,l;if(Number.isFinite(s))l=vc(c,[r,a,s,1]);else{let{rayStartPosition:d,rayEndPosition:p,radius:g,rayLengthSquared:m,rayStartDistanceSquared:v,distanceToCenterSquared:_}=this._getRayToGlobe(t,{topLeft:e,targetZ:i}),y=Math.sqrt(v-_),x=Math.sqrt(Math.max(0,g*g-_)),w=(y-x)/Math.sqrt(m);l=j.lerp([],d,p,w)}let[f,h,u]=this.unprojectPosition(l);return Number.isFinite(s)?[f,h,u]:Number.isFinite(i)?[f,h,i]:[f,h]}projectPosition(t){let[e,i,r=0]=t,o=e*wn,s=i*wn,a=Math.cos(s),c=(r/Do+1)*re;return[Math.sin(o)*a*c,-Math.cos(o)*a*c,Math.sin(s)*c]}unprojectPosition(t){let[e,i,r]=t,o=j.len(t),s=Math.asin(r/o),c=Math.atan2(e,-i)*$u,l=s*$u,f=(o/re-1)*Do;return[c,l,f]}projectFlat(t){return t}unprojectFlat(t){return t}panByPosition(t,e,i){if(!i){let u=this.getZoomAnchorStrength(e);if(u===0)return{longitude:this.longitude,latitude:this.latitude};let d=this.unproject(e),p=Kt(t[0]-d[0]+180,360)-180,g=t[1]-d[1],m=Math.abs(d[1])>ot||Math.abs(p)>90;if(qu(this.bearing)&&m)return{longitude:this.longitude,latitude:this.latitude};if(qu(this.bearing)&&g!==0){let x=((g>0?ot:-ot)-this.latitude)/g;u=Math.min(u,Math.max(0,x))}let v=this.longitude+p*u,_=Math.max(Math.min(this.latitude+g*u,90),-90);return{longitude:v,latitude:_}}let[r,o,s]=t,c=.25/Math.pow(2,this.zoom-K(this.latitude)),l=r+c*(i[0]-e[0]),f=o-c*(i[1]-e[1]);f=Math.max(Math.min(f,90),-90);let h={longitude:l,latitude:f,zoom:s-K(o)};return h.zoom+=K(h.latitude),h}};zo.displayName="GlobeViewport";var Xu=zo;function K(n,t){t&&(n=Math.max(Math.min(n,ot),-ot));let e=Math.PI*Math.cos(n*Math.PI/180);return Math.log2(e)}function vc(n,t){let e=it.transformMat4([],t,n);return it.scale(e,e,1/e[3]),e}var bn=Math.PI/180,_c=180/Math.PI,dt=class n{static toPosition(t,e){let i=e*bn,r=t*bn,o=Math.cos(i);return[o*Math.cos(r),o*Math.sin(r),Math.sin(i)]}static toLngLat(t){return[Math.atan2(t[1],t[0])*_c,Math.asin(B(t[2],-1,1))*_c]}static tangentBasis(t,e){let i=e*bn,r=t*bn,o=Math.sin(i),s=Math.cos(i),a=Math.sin(r),c=Math.cos(r);return{N:[-o*c,-o*a,s],E:[-a,c,0]}}static upVector(t,e,i){let{N:r,E:o}=n.tangentBasis(t,e),s=i*bn,a=Math.cos(s),c=Math.sin(s);return[r[0]*a+o[0]*c,r[1]*a+o[1]*c,r[2]*a+o[2]*c]}static bearing(t,e,i){let{N:r,E:o}=n.tangentBasis(e,i);return Math.atan2(j.dot(t,o),j.dot(t,r))*_c}static cameraFrame(t,e,i){let r=n.toPosition(t,e),o=n.upVector(t,e,i),{N:s,E:a}=n.tangentBasis(t,e),c=i*bn,l=Math.cos(c),f=Math.sin(c),h=[a[0]*l-s[0]*f,a[1]*l-s[1]*f,a[2]*l-s[2]*f];return{position:r,up:o,axisHorizontal:j.cross([],r,h),axisVertical:j.cross([],r,o),longitude:t,latitude:e,bearing:i}}static angularDistance(t,e){let i=n.toPosition(t.longitude,t.latitude),r=n.toPosition(e.longitude,e.latitude);return Math.acos(B(j.dot(i,r),-1,1))}static greatCircleAxis(t,e){let i=n.toPosition(t.longitude,t.latitude),r=n.toPosition(e.longitude,e.latitude);return j.normalize([],j.cross([],i,r))}static rotate(t,e,i){let r=new qn().fromAxisRotation(e,i);return j.transformQuat([],t,r)}static rotateFrame(t,e,i,r){let o=n.rotate(t.position,t.axisHorizontal,e);o=n.rotate(o,t.axisVertical,i);let s=n.rotate(t.up,t.axisHorizontal,e);s=n.rotate(s,t.axisVertical,i);let[a,c]=n.toLngLat(o),l=r?0:n.bearing(s,a,c);return{...t,position:o,up:s,longitude:a,latitude:c,bearing:l}}static rotateFrameToMatch(t,e,i,r=1){let o=n.toPosition(...e),s=n.toPosition(...i),a=j.cross([],o,s),c=j.len(a),l=B(j.dot(o,s),-1,1);if(c<1e-12){if(l>0)return t;a=j.cross([],o,t.up),j.len(a)<1e-12&&(a=j.cross([],o,t.axisVertical))}j.normalize(a,a);let f=Math.atan2(c,l)*B(r,0,1),h=n.rotate(t.position,a,f),u=n.rotate(t.up,a,f),[d,p]=n.toLngLat(h);return{...t,position:h,up:u,longitude:d,latitude:p,bearing:n.bearing(u,d,p)}}},Ku=5,D_=1/(1-Math.exp(-Ku)),Ju=n=>(1-Math.exp(-Ku*n))*D_,No=class extends Be{constructor(t){let e="axis"in t;super({compare:["longitude","latitude"],extract:e?["longitude","latitude","zoom","bearing"]:["longitude","latitude","zoom"],required:["longitude","latitude"]}),e?(this._mode="rotation",this._axis=t.axis,this._totalAngle=t.totalAngle):(this._mode="linear",this._targetLongitude=t.targetLongitude)}initializeProps(t,e){let i=super.initializeProps(t,e);return this._startZoom=t.zoom,this._mode==="rotation"?this._startFrame={...dt.cameraFrame(t.longitude,t.latitude,t.bearing||0),axisHorizontal:this._axis}:i.end.longitude=this._targetLongitude,i}interpolateProps(t,e,i){if(this._mode==="rotation"){let{longitude:a,latitude:c,bearing:l}=dt.rotateFrame(this._startFrame,this._totalAngle*i,0),f=this._startZoom+K(c,!0)-K(this._startFrame.latitude,!0);return{bearing:l,longitude:a,latitude:c,zoom:f}}let r=t.longitude+(e.longitude-t.longitude)*i,o=t.latitude+(e.latitude-t.latitude)*i,s=this._startZoom+K(o,!0)-K(t.latitude,!0);return{longitude:r,latitude:o,zoom:s}}};var Mn=Math.PI/180,z_=180/Math.PI;function Qu(n,t=0){let e=Math.min(180,n)*Mn;return re*2*Math.sin(e/2)*Math.pow(2,t)}function En(n,t=0){let e=n/Math.pow(2,t);return Math.asin(Math.min(1,e/re/2))*2*z_}var Pc=class extends vi{constructor(t){let{startPanPos:e,startPanCameraFrame:i,startPanAngularRate:r,...o}=t;o.normalize=!1,super(o);let s=this._state;e!==void 0&&(s.startPanPos=e),i!==void 0&&(s.startPanCameraFrame=i),r!==void 0&&(s.startPanAngularRate=r)}panStart({pos:t}){let{latitude:e,longitude:i,zoom:r,bearing:o=0}=this.getViewportProps(),s=dt.cameraFrame(i,e,o),c=.25/Math.pow(2,r-K(e,!0))*Mn;return this._getUpdatedState({startPanPos:t,startPanCameraFrame:s,startPanAngularRate:c,startZoom:r})}pan({pos:t,startPos:e}){let i=this.getState(),r=i.startPanPos||e;if(!r)return this;let o=i.startPanCameraFrame,s=i.startPanAngularRate,a=i.startZoom??this.getViewportProps().zoom;if(!o||!s)return this;let c=r[0]-t[0],l=r[1]-t[1],f=c*s,h=-l*s,u=dt.rotateFrame(o,f,h),d=a+K(u.latitude,!0)-K(o.latitude,!0);return this._getUpdatedState({longitude:u.longitude,latitude:u.latitude,bearing:u.bearing,zoom:d})}panEnd(){return this._getUpdatedState({startPanPos:null,startPanCameraFrame:null,startPanAngularRate:null,startZoom:null})}_panFromCenter(t){let{width:e,height:i}=this.getViewportProps(),r=[e/2,i/2];return this.panStart({pos:r}).pan({pos:[r[0]+t[0],r[1]+t[1]]}).panEnd()}applyConstraints(t){let e=t,i=e[ee];delete e[ee];let{latitude:r,maxBounds:o}=t;if(t.zoom=this._constrainZoom(t.zoom,t),i){let a=this.makeViewport(t),c=a.getZoomAnchorStrength(i.screenPosition);if(c>0){let l=a.unproject(i.screenPosition),f=dt.cameraFrame(t.longitude,t.latitude,t.bearing||0),h=dt.rotateFrameToMatch(f,[l[0],l[1]],[i.position[0],i.position[1]],c);t.longitude=h.longitude,t.latitude=h.latitude,t.bearing=h.bearing}}(t.longitude<-180||t.longitude>180)&&(t.longitude=Kt(t.longitude+180,360)-180),(t.bearing<-180||t.bearing>180)&&(t.bearing=Kt(t.bearing+180,360)-180),t.latitude=B(t.latitude,-90,90),t.pitch=B(t.pitch,t.minPitch,t.maxPitch);let s=o?yn(t.width,t.height,t.maxBoundsPadding):null;if(o&&s&&(s.width>=0&&(t.longitude=B(t.longitude,o[0][0],o[1][0])),s.height>=0&&(t.latitude=B(t.latitude,o[0][1],o[1][1]))),o&&s){let a=this.makeViewport({...t,bearing:0,pitch:0}),c=mo(a,[t.longitude,t.latitude],s),l=t.zoom-K(r),f=o[1][0]-o[0][0],h=o[1][1]-o[0][1];if(s.height>=0&&h>0&&h<180){let u=Math.min(En(s.height,l),h),d=s.height?u*c.bottom/s.height:En(c.bottom,l),p=s.height?u*c.top/s.height:En(c.top,l);t.latitude=B(t.latitude,o[0][1]+d,o[1][1]-p)}if(s.width>=0&&f>0&&f<360){let u=Math.min(En(s.width/Math.cos(t.latitude*Mn),l),f),d=s.width?u*c.left/s.width:En(c.left/Math.cos(t.latitude*Mn),l),p=s.width?u*c.right/s.width:En(c.right/Math.cos(t.latitude*Mn),l);t.longitude=B(t.longitude,o[0][0]+d,o[1][0]-p)}}return t.latitude=B(t.latitude,-90,90),t.latitude!==r&&(t.zoom+=K(t.latitude,!0)-K(r,!0)),t}_constrainZoom(t,e){e||(e=this.getViewportProps());let{maxZoom:i,maxBounds:r}=e,{minZoom:o}=e;if(r!==null&&e.width>0&&e.height>0){let c=yn(e.width,e.height,e.maxBoundsPadding),l=r[0][1],f=r[1][1],h=Math.sign(l)===Math.sign(f)?Math.min(Math.abs(l),Math.abs(f)):0,u=K(0),d=Qu(r[1][0]-r[0][0])*Math.cos(h*Mn),p=Qu(r[1][1]-r[0][1]);c.width>0&&d>0&&(o=Math.max(o,Math.log2(c.width/d)+u)),c.height>0&&p>0&&(o=Math.max(o,Math.log2(c.height/p)+u)),o>i&&(o=i)}let a=K(e.latitude,!0)-K(0,!0);return B(t,o+a,i+a)}},Hi=class extends Fe{constructor(){super(...arguments),this.ControllerState=Pc,this.transition={transitionDuration:300,transitionInterpolator:new te({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this._panHistory=[]}_onPanStart(t){return this._panHistory=[],super._onPanStart(t)}_onMultiPanStart(t){return this._panHistory=[],super._onMultiPanStart(t)}_onPanMove(t){if(!this.dragPan)return!1;let e=this.getCenter(t),i=this.controllerState.pan({pos:e});this.updateViewport(i,{transitionDuration:0},{isDragging:!0,isPanning:!0});let{longitude:r,latitude:o}=i.getViewportProps();return this._panHistory.push({longitude:r,latitude:o,timestamp:Date.now()}),this._panHistory.length>5&&this._panHistory.shift(),!0}_onPanMoveEnd(t){let{inertia:e}=this;if(this.dragPan&&e&&this._panHistory.length>=2){let r=this._panHistory[0],o=this._panHistory[this._panHistory.length-1],s=o.timestamp-r.timestamp;if(s>0){let a=this.controllerState.getViewportProps(),l=dt.angularDistance(r,o)/s;if(l>1e-6){let f=l*e/2,h=dt.greatCircleAxis(r,o),u=dt.cameraFrame(a.longitude,a.latitude,a.bearing||0),d=dt.rotateFrame({...u,axisHorizontal:h},f,0),p=d.longitude,g=B(d.latitude,-90,90),m=new No({axis:h,totalAngle:f}),v=this.controllerState.panEnd();return this.updateViewport(v,{transitionInterpolator:m,transitionDuration:e,transitionEasing:Ju,longitude:p,latitude:g},{isDragging:!1,isPanning:!0}),this._panHistory=[],!0}}}this._panHistory=[];let i=this.controllerState.panEnd();return this.updateViewport(i,null,{isDragging:!1,isPanning:!1}),!0}};var N_={cullMode:"back"},Bo=class extends Ne{constructor(t={}){super({...t,parameters:{...N_,...t.parameters}})}getViewportType(t){return t.zoom>12?Jt:Xu}get ControllerType(){return Hi}};Bo.displayName="GlobeView";var wc=Bo;var xe=class{constructor(t){this.indexStarts=[0],this.vertexStarts=[0],this.vertexCount=0,this.instanceCount=0;let{attributes:e={}}=t;this.typedArrayManager=St,this.attributes={},this._attributeDefs=e,this.opts=t,this.updateGeometry(t)}updateGeometry(t){Object.assign(this.opts,t);let{data:e,buffers:i={},getGeometry:r,geometryBuffer:o,positionFormat:s,dataChanged:a,normalize:c=!0}=this.opts;if(this.data=e,this.getGeometry=r,this.positionSize=o&&o.size||(s==="XY"?2:3),this.buffers=i,this.normalize=c,o&&(D(e.startIndices),this.getGeometry=this.getGeometryFromBuffer(o),c||(i.vertexPositions=o)),this.geometryBuffer=i.vertexPositions,Array.isArray(a))for(let l of a)this._rebuildGeometry(l);else this._rebuildGeometry()}updatePartialGeometry({startRow:t,endRow:e}){this._rebuildGeometry({startRow:t,endRow:e})}getGeometryFromBuffer(t){let e=t.value||t;return ArrayBuffer.isView(e)?bo(e,{size:this.positionSize,offset:t.offset,stride:t.stride,startIndices:this.data.startIndices}):null}_allocate(t,e){let{attributes:i,buffers:r,_attributeDefs:o,typedArrayManager:s}=this;for(let a in o)if(a in r)s.release(i[a]),i[a]=null;else{let c=o[a];c.copy=e,i[a]=s.allocate(i[a],t,c)}}_forEachGeometry(t,e,i){let{data:r,getGeometry:o}=this,{iterable:s,objectInfo:a}=ie(r,e,i);for(let c of s){a.index++;let l=o?o(c,a):null;t(l,a.index)}}_rebuildGeometry(t){if(!this.data)return;let{indexStarts:e,vertexStarts:i,instanceCount:r}=this,{data:o,geometryBuffer:s}=this,{startRow:a=0,endRow:c=1/0}=t||{},l={};if(t||(e=[0],i=[0]),this.normalize||!s)this._forEachGeometry((h,u)=>{let d=h&&this.normalizeGeometry(h);l[u]=d,i[u+1]=i[u]+(d?this.getGeometrySize(d):0)},a,c),r=i[i.length-1];else if(i=o.startIndices,r=i[o.length]||0,ArrayBuffer.isView(s))r=r||s.length/this.positionSize;else if(s instanceof J){let h=this.positionSize*4;r=r||s.byteLength/h}else if(s.buffer){let h=s.stride||this.positionSize*4;r=r||s.buffer.byteLength/h}else if(s.value){let h=s.value,u=s.stride/h.BYTES_PER_ELEMENT||this.positionSize;r=r||h.length/u}this._allocate(r,!!t),this.indexStarts=e,this.vertexStarts=i,this.instanceCount=r;let f={};this._forEachGeometry((h,u)=>{let d=l[u]||h;f.vertexStart=i[u],f.indexStart=e[u];let p=u<i.length-1?i[u+1]:r;f.geometrySize=p-i[u],f.geometryIndex=u,this.updateGeometryAttributes(d,f)},a,c),this.vertexCount=e[e.length-1]}};var Zi=class{constructor(t){D(t.id,"id is required"),this.id=t.id,this.type="custom",this.renderingMode=t.renderingMode||"3d",this.slot=t.slot,this.beforeId=t.beforeId,this.map=null}onAdd(t,e){this.map=t}render(t,e){this.map&&td(this.map.__deck,this.map,this,e)}};var bc="__UNDEFINED__";function Sn(n){return n.props.beforeId?`deck-layer-group-before:${n.props.beforeId}`:n.props.slot?`deck-layer-group-slot:${n.props.slot}`:"deck-layer-group-last"}function ed(n,t,e){if(!n||!n.style||!n.style._loaded)return;let i=xt(e,Boolean);if(t!==e){let s=xt(t,Boolean),a=new Set(s.map(l=>Sn(l))),c=new Set(i.map(l=>Sn(l)));for(let l of a)c.has(l)||n.getLayer(l)&&n.removeLayer(l)}let r={};for(let s of i){let a=Sn(s),c=n.getLayer(a);if(c){let l=c.implementation||c;r[a]=l}else{let l=new Zi({id:a,slot:s.props.slot,beforeId:s.props.beforeId});r[a]=l,n.addLayer(l,s.props.beforeId)}}let o=n.style._order;for(let[s,a]of Object.entries(r)){let c=a.beforeId||bc,l=c===bc?o.length:o.indexOf(c);if(l===-1)continue;if(o.indexOf(s)!==l-1){let h=c===bc?void 0:c;n.moveLayer(s,h)}}}var Ge="mapbox",Ec=512,B_=Math.PI/180;function id({map:n,deck:t}){if(n.__deck)return n.__deck;let e=t.props._customRender,i=t.props.onLoad,r={...t.props,_customRender:()=>{n.triggerRepaint(),e?.("")}};return r.views||(r.views=qi(n)),Object.assign(r,{width:null,height:null,touchAction:"unset",viewState:Cn(n)}),t.isInitialized?nd(t,n):r.onLoad=()=>{i?.(),nd(t,n)},t.setProps(r),n.__deck=t,n.on("render",()=>{t.isInitialized&&V_(t,n)}),t}function nd(n,t){let e=()=>{n.isInitialized?F_(n,t):t.off("move",e)};t.on("move",e)}function rd(n){n.__deck?.finalize(),n.__deck=null}function jo(n,t){return t?{depthWriteEnabled:!0,depthCompare:"less-equal",depthBias:0,blend:!0,blendColorSrcFactor:"src-alpha",blendColorDstFactor:"one-minus-src-alpha",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one-minus-src-alpha",blendColorOperation:"add",blendAlphaOperation:"add"}:{}}function td(n,t,e,i){if(!n.isInitialized)return;let{currentViewport:r}=n.userData,o=!1;r||(r=od(n,t,i),n.userData.currentViewport=r,o=!0),r&&n._drawLayers("mapbox-repaint",{viewports:[r],layerFilter:s=>{if(n.props.layerFilter&&!n.props.layerFilter(s))return!1;let a=s.layer;return a.props.beforeId===e.beforeId&&a.props.slot===e.slot},clearStack:o,clearCanvas:!1})}function Mc(n){let t=n.getProjection?.(),e=t?.type||t?.name;if(e==="globe")return"globe";if(e&&e!=="mercator")throw new Error("Unsupported projection");return"mercator"}function qi(n){return Mc(n)==="globe"?new wc({id:Ge}):new Pi({id:Ge})}function Cn(n){let{lng:t,lat:e}=n.getCenter(),i={longitude:(t+540)%360-180,latitude:e,zoom:n.getZoom(),bearing:n.getBearing(),pitch:n.getPitch(),padding:n.getPadding(),repeat:n.getRenderWorldCopies()};return n.getTerrain?.()&&j_(n,i),i}function j_(n,t){if(n.getFreeCameraOptions){let{position:e}=n.getFreeCameraOptions();if(!e||e.z===void 0)return;let i=n.transform.height,{longitude:r,latitude:o,pitch:s}=t,a=e.x*Ec,c=(1-e.y)*Ec,l=e.z*Ec,f=st([r,o]),h=a-f[0],u=c-f[1],d=Math.sqrt(h*h+u*u),p=s*B_,g=1.5*i,m=p<.001?g*Math.cos(p)/l:g*Math.sin(p)/d;t.zoom=Math.log2(m);let v=g*Math.cos(p)/m,_=l-v;t.position=[0,0,_/ke(o)]}else typeof n.transform.elevation=="number"&&(t.position=[0,0,n.transform.elevation])}function od(n,t,e){let i=Cn(t),r=n.getView(Ge)||qi(t);e&&(r.props.nearZMultiplier=.2);let o=e?.nearZ??t.transform._nearZ,s=e?.farZ??t.transform._farZ;return Number.isFinite(o)&&(i.nearZ=o/t.transform.height,i.farZ=s/t.transform.height),r.makeViewport({width:n.width,height:n.height,viewState:i})}function V_(n,t){let i=xt(n.props.layers,Boolean).some(a=>a&&!t.getLayer(Sn(a))),r=n.getViewports(),o=r.findIndex(a=>a.id===Ge),s=r.length>1||o<0;if(i||s){if(o>=0){r=r.slice();let a=od(n,t);a?r[o]=a:r.splice(o,1)}n._drawLayers("mapbox-repaint",{viewports:r,layerFilter:a=>(!n.props.layerFilter||n.props.layerFilter(a))&&(a.viewport.id!==Ge||!t.getLayer(Sn(a.layer))),clearCanvas:!1})}else{let a=n.device,c=a?.gl;n.props.onBeforeRender?.({device:a,gl:c}),n.props.onAfterRender?.({device:a,gl:c})}n.userData.currentViewport=null}function F_(n,t){n.setProps({viewState:Cn(t)}),n.needsRedraw({clearRedrawFlags:!0})}var Tn=class{constructor(t){this._handleStyleChange=()=>{if(this._resolveLayers(this._map,this._deck,this._props.layers,this._props.layers),!this._map)return;Mc(this._map)&&this._deck?.setProps({views:this._getViews(this._map)})},this._updateContainerSize=()=>{if(this._map&&this._container){let{clientWidth:i,clientHeight:r}=this._map.getContainer();Object.assign(this._container.style,{width:`${i}px`,height:`${r}px`})}},this._updateViewState=()=>{let i=this._deck,r=this._map;i&&r&&(i.setProps({views:this._getViews(r),viewState:Cn(r)}),i.isInitialized&&i.redraw())},this._handleMouseEvent=i=>{let r=this._deck;if(!r||!r.isInitialized)return;let o={type:i.type,offsetCenter:i.point,srcEvent:i},s=this._lastMouseDownPoint;switch(!i.point&&s&&(o.deltaX=i.originalEvent.clientX-s.clientX,o.deltaY=i.originalEvent.clientY-s.clientY,o.offsetCenter={x:s.x+o.deltaX,y:s.y+o.deltaY}),o.type){case"mousedown":r._onPointerDown(o),this._lastMouseDownPoint={...i.point,clientX:i.originalEvent.clientX,clientY:i.originalEvent.clientY};break;case"dragstart":o.type="panstart",r._onEvent(o);break;case"drag":o.type="panmove",r._onEvent(o);break;case"dragend":o.type="panend",r._onEvent(o);break;case"click":o.tapCount=1,r._onEvent(o);break;case"dblclick":o.type="click",o.tapCount=2,r._onEvent(o);break;case"mousemove":o.type="pointermove",r._onPointerMove(o);break;case"mouseout":o.type="pointerleave",r._onPointerMove(o);break;default:return}};let{interleaved:e=!1}=t;this._interleaved=e,this._props=this.filterProps(t)}filterProps(t){let{interleaved:e,useDevicePixels:i,...r}=t;return!this._interleaved&&i!==void 0&&(r.useDevicePixels=i),r}setProps(t){this._interleaved&&t.layers&&this._resolveLayers(this._map,this._deck,this._props.layers,t.layers),Object.assign(this._props,this.filterProps(t)),this._deck&&this._map&&this._deck.setProps({...this._props,views:this._getViews(this._map),parameters:{...jo(this._map,this._interleaved),...this._props.parameters}})}onAdd(t){return this._map=t,this._interleaved?this._onAddInterleaved(t):this._onAddOverlaid(t)}_onAddOverlaid(t){let e=document.createElement("div");return Object.assign(e.style,{position:"absolute",left:0,top:0,textAlign:"initial",pointerEvents:"none"}),this._container=e,this._deck=new Po({...this._props,parent:e,deviceProps:{...this._props.deviceProps,createCanvasContext:{...typeof this._props.deviceProps?.createCanvasContext=="object"?this._props.deviceProps.createCanvasContext:void 0,pixelSizeSource:"css-dpr"}},parameters:{...jo(t,!1),...this._props.parameters},views:this._getViews(t),viewState:Cn(t)}),t.on("resize",this._updateContainerSize),t.on("render",this._updateViewState),t.on("mousedown",this._handleMouseEvent),t.on("dragstart",this._handleMouseEvent),t.on("drag",this._handleMouseEvent),t.on("dragend",this._handleMouseEvent),t.on("mousemove",this._handleMouseEvent),t.on("mouseout",this._handleMouseEvent),t.on("click",this._handleMouseEvent),t.on("dblclick",this._handleMouseEvent),this._updateContainerSize(),e}_onAddInterleaved(t){let e=t.painter.context.gl;return e instanceof WebGLRenderingContext&&I.warn("Incompatible basemap library. See: https://deck.gl/docs/api-reference/mapbox/overview#compatibility")(),this._deck=id({map:t,deck:new Po({...this._props,views:this._getViews(t),gl:e,parameters:{...jo(t,!0),...this._props.parameters}})}),t.on("styledata",this._handleStyleChange),this._resolveLayers(t,this._deck,[],this._props.layers),document.createElement("div")}_resolveLayers(t,e,i,r){ed(t,i,r)}onRemove(){let t=this._map;t&&(this._interleaved?this._onRemoveInterleaved(t):this._onRemoveOverlaid(t)),this._deck=void 0,this._map=void 0,this._container=void 0}_onRemoveOverlaid(t){t.off("resize",this._updateContainerSize),t.off("render",this._updateViewState),t.off("mousedown",this._handleMouseEvent),t.off("dragstart",this._handleMouseEvent),t.off("drag",this._handleMouseEvent),t.off("dragend",this._handleMouseEvent),t.off("mousemove",this._handleMouseEvent),t.off("mouseout",this._handleMouseEvent),t.off("click",this._handleMouseEvent),t.off("dblclick",this._handleMouseEvent),this._deck?.finalize()}_onRemoveInterleaved(t){t.off("styledata",this._handleStyleChange),this._resolveLayers(t,this._deck,this._props.layers,[]),rd(t)}getDefaultPosition(){return"top-left"}pickObject(t){return D(this._deck),this._deck.pickObject(t)}pickMultipleObjects(t){return D(this._deck),this._deck.pickMultipleObjects(t)}pickObjects(t){return D(this._deck),this._deck.pickObjects(t)}finalize(){this._map&&this._map.removeControl(this)}getCanvas(){return this._map?this._interleaved?this._map.getCanvas():this._deck.getCanvas():null}_getViews(t){if(!this._props.views)return qi(t);let e=Array.isArray(this._props.views)?this._props.views:[this._props.views];return e.some(r=>r.id===Ge)?this._props.views:[qi(t),...e]}};var sd=`layout(std140) uniform iconUniforms {
  float sizeScale;
  vec2 iconsTextureDim;
  float sizeBasis;
  float sizeMinPixels;
  float sizeMaxPixels;
  bool billboard;
  highp int sizeUnits;
  float alphaCutoff;
} icon;
`,ad={name:"icon",vs:sd,fs:sd,uniformTypes:{sizeScale:"f32",iconsTextureDim:"vec2<f32>",sizeBasis:"f32",sizeMinPixels:"f32",sizeMaxPixels:"f32",billboard:"f32",sizeUnits:"i32",alphaCutoff:"f32"}};var cd=`#version 300 es
#define SHADER_NAME icon-layer-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceSizes;
in float instanceAngles;
in vec4 instanceColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec4 instanceIconFrames;
in float instanceColorModes;
in vec2 instanceOffsets;
in vec2 instancePixelOffset;
out float vColorMode;
out vec4 vColor;
out vec2 vTextureCoords;
out vec2 uv;
vec2 rotate_by_angle(vec2 vertex, float angle) {
float angle_radian = angle * PI / 180.0;
float cos_angle = cos(angle_radian);
float sin_angle = sin(angle_radian);
mat2 rotationMatrix = mat2(cos_angle, -sin_angle, sin_angle, cos_angle);
return rotationMatrix * vertex;
}
void main(void) {
geometry.worldPosition = instancePositions;
geometry.uv = positions;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
uv = positions;
vec2 iconSize = instanceIconFrames.zw;
float sizePixels = clamp(
project_size_to_pixel(instanceSizes * icon.sizeScale, icon.sizeUnits),
icon.sizeMinPixels, icon.sizeMaxPixels
);
float iconConstraint = icon.sizeBasis == 0.0 ? iconSize.x : iconSize.y;
float instanceScale = iconConstraint == 0.0 ? 0.0 : sizePixels / iconConstraint;
vec2 pixelOffset = positions / 2.0 * iconSize + instanceOffsets;
pixelOffset = rotate_by_angle(pixelOffset, instanceAngles) * instanceScale;
pixelOffset += instancePixelOffset;
pixelOffset.y *= -1.0;
if (icon.billboard)  {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = vec3(pixelOffset, 0.0);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset_common = vec3(project_pixel_size(pixelOffset), 0.0);
DECKGL_FILTER_SIZE(offset_common, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset_common, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vTextureCoords = mix(
instanceIconFrames.xy,
instanceIconFrames.xy + iconSize,
(positions.xy + 1.0) / 2.0
) / icon.iconsTextureDim;
vColor = instanceColors;
DECKGL_FILTER_COLOR(vColor, geometry);
vColorMode = instanceColorModes;
}
`;var ld=`#version 300 es
#define SHADER_NAME icon-layer-fragment-shader
precision highp float;
uniform sampler2D iconsTexture;
in float vColorMode;
in vec4 vColor;
in vec2 vTextureCoords;
in vec2 uv;
out vec4 fragColor;
void main(void) {
geometry.uv = uv;
vec4 texColor = texture(iconsTexture, vTextureCoords);
vec3 color = mix(texColor.rgb, vColor.rgb, vColorMode);
float a = texColor.a * layer.opacity * vColor.a;
if (a < icon.alphaCutoff) {
discard;
}
fragColor = vec4(color, a);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var U_=`struct IconUniforms {
  sizeScale: f32,
  iconsTextureDim: vec2<f32>,
  sizeBasis: f32,
  sizeMinPixels: f32,
  sizeMaxPixels: f32,
  billboard: i32,
  sizeUnits: i32,
  alphaCutoff: f32
};

@group(0) @binding(auto) var<uniform> icon: IconUniforms;
@group(0) @binding(auto) var iconsTexture : texture_2d<f32>;
@group(0) @binding(auto) var iconsTextureSampler : sampler;

fn rotate_by_angle(vertex: vec2<f32>, angle_deg: f32) -> vec2<f32> {
  let angle_radian = angle_deg * PI / 180.0;
  let c = cos(angle_radian);
  let s = sin(angle_radian);
  let rotation = mat2x2<f32>(vec2<f32>(c, s), vec2<f32>(-s, c));
  return rotation * vertex;
}

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @location(0) positions: vec2<f32>,

  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceSizes: f32,
  @location(4) instanceAngles: f32,
  @location(5) instanceColors: vec4<f32>,
  @location(6) instanceIconFrames: vec4<f32>,
  @location(7) instanceColorModes: f32,
  @location(8) instanceOffsets: vec2<f32>,
  @location(9) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,

  @location(0) vColorMode: f32,
  @location(1) vColor: vec4<f32>,
  @location(2) vTextureCoords: vec2<f32>,
  @location(3) uv: vec2<f32>,
  @location(4) pickingColor: vec3<f32>,
};

@vertex
fn vertexMain(inp: Attributes) -> Varyings {
  // write geometry fields used by filters + FS
  geometry.worldPosition = inp.instancePositions;
  geometry.uv = inp.positions;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  var outp: Varyings;
  outp.uv = inp.positions;

  let iconSize = inp.instanceIconFrames.zw;

  // convert size in meters to pixels, then clamp
  let sizePixels = clamp(
    project_unit_size_to_pixel(inp.instanceSizes * icon.sizeScale, icon.sizeUnits),
    icon.sizeMinPixels, icon.sizeMaxPixels
  );

  // scale icon height to match instanceSize
  let iconConstraint = select(iconSize.y, iconSize.x, icon.sizeBasis == 0.0);
  let instanceScale = select(sizePixels / iconConstraint, 0.0, iconConstraint == 0.0);

  // scale and rotate vertex in "pixel" units; then add per-instance pixel offset
  var pixelOffset = inp.positions / 2.0 * iconSize + inp.instanceOffsets;
  pixelOffset = rotate_by_angle(pixelOffset, inp.instanceAngles) * instanceScale;
  pixelOffset = pixelOffset + inp.instancePixelOffset;
  pixelOffset.y = pixelOffset.y * -1.0;

  if (icon.billboard != 0) {
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, vec3<f32>(0.0)); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);

    var offset = vec3<f32>(pixelOffset, 0.0);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipOffset = project_pixel_size_to_clipspace(offset.xy);
    pos = vec4<f32>(pos.x + clipOffset.x, pos.y + clipOffset.y, pos.z, pos.w);
    outp.position = pos;
  } else {
    var offset_common = vec3<f32>(project_pixel_size_vec2(pixelOffset), 0.0);
    // DECKGL_FILTER_SIZE(offset_common, geometry);
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, offset_common); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);
    outp.position = pos;
  }

  let uvMix = (inp.positions.xy + vec2<f32>(1.0, 1.0)) * 0.5;
  outp.vTextureCoords = mix(inp.instanceIconFrames.xy, inp.instanceIconFrames.xy + iconSize, uvMix) / icon.iconsTextureDim;

  outp.vColor = inp.instanceColors;
  // DECKGL_FILTER_COLOR(outp.vColor, geometry);

  outp.vColorMode = inp.instanceColorModes;
  outp.pickingColor = geometry.pickingColor;

  return outp;
}

@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  // expose to deck.gl filter hooks
  geometry.uv = inp.uv;

  let texColor = textureSample(iconsTexture, iconsTextureSampler, inp.vTextureCoords);

  // if colorMode == 0, use pixel color from the texture
  // if colorMode == 1 (or picking), use texture as transparency mask
  let rgb = mix(texColor.rgb, inp.vColor.rgb, inp.vColorMode);
  let a = texColor.a * layer.opacity * inp.vColor.a;

  if (a < icon.alphaCutoff) {
    discard;
  }

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = deckgl_premultiplied_alpha(vec4<f32>(rgb, a));

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return fragColor;
}
`;function fd(n){return U_.replace("PICKING_COLOR_ATTRIBUTE",n?"@location(10) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",n?"picking_getPickingColorFromIndex(inp.rowIndexes)":"picking_getPickingColorFromIndex(inp.instanceIndex)")}var G_=1024,W_=4,hd=()=>{},ud={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},Y_={x:0,y:0,width:0,height:0};function $_(n){return Math.pow(2,Math.ceil(Math.log2(n)))}function H_(n,t,e,i){let r=Math.min(e/t.width,i/t.height),o=Math.floor(t.width*r),s=Math.floor(t.height*r);return r===1?{image:t,width:o,height:s}:(n.canvas.height=s,n.canvas.width=o,n.clearRect(0,0,o,s),n.drawImage(t,0,0,t.width,t.height,0,0,o,s),{image:n.canvas,width:o,height:s})}function Xi(n){return n&&(n.id||n.url)}function pd(n){let{device:t}=n;t.type==="webgl"?n.generateMipmapsWebGL():t.type==="webgpu"&&t.generateMipmapsWebGPU(n)}function Z_(n,t,e,i){let{width:r,height:o,device:s}=n,a=s.createTexture({format:"rgba8unorm",width:t,height:e,sampler:i,mipLevels:s.getMipLevelCount(t,e)}),c=s.createCommandEncoder();c.copyTextureToTexture({sourceTexture:n,destinationTexture:a,width:r,height:o});let l=c.finish();return s.submit(l),pd(a),n.destroy(),a}function dd(n,t,e){for(let i=0;i<t.length;i++){let{icon:r,xOffset:o}=t[i],s=Xi(r);n[s]={...r,x:o,y:e}}}function q_({icons:n,buffer:t,mapping:e={},xOffset:i=0,yOffset:r=0,rowHeight:o=0,canvasWidth:s}){let a=[];for(let c=0;c<n.length;c++){let l=n[c],f=Xi(l);if(!e[f]){let{height:h,width:u}=l;i+u+t>s&&(dd(e,a,r),i=0,r=o+r+t,o=0,a=[]),a.push({icon:l,xOffset:i}),i=i+u+t,o=Math.max(o,h)}}return a.length>0&&dd(e,a,r),{mapping:e,rowHeight:o,xOffset:i,yOffset:r,canvasWidth:s,canvasHeight:$_(o+r+t)}}function X_(n,t,e){if(!n||!t)return null;e=e||{};let i={},{iterable:r,objectInfo:o}=ie(n);for(let s of r){o.index++;let a=t(s,o),c=Xi(a);if(!a)throw new Error("Icon is missing.");if(!a.url)throw new Error("Icon url is missing.");!i[c]&&(!e[c]||a.url!==e[c].url)&&(i[c]={...a,source:s,sourceIndex:o.index})}return i}var Ki=class{constructor(t,{onUpdate:e=hd,onError:i=hd}){this._loadOptions=null,this._texture=null,this._externalTexture=null,this._mapping={},this._samplerParameters=null,this._pendingCount=0,this._autoPacking=!1,this._xOffset=0,this._yOffset=0,this._rowHeight=0,this._buffer=W_,this._canvasWidth=G_,this._canvasHeight=0,this._canvas=null,this.device=t,this.onUpdate=e,this.onError=i}finalize(){this._texture?.delete()}getTexture(){return this._texture||this._externalTexture}getIconMapping(t){let e=this._autoPacking?Xi(t):t;return this._mapping[e]||Y_}setProps({loadOptions:t,autoPacking:e,iconAtlas:i,iconMapping:r,textureParameters:o}){t&&(this._loadOptions=t),e!==void 0&&(this._autoPacking=e),r&&(this._mapping=r),i&&(this._texture?.delete(),this._texture=null,this._externalTexture=i),o&&(this._samplerParameters=o)}get isLoaded(){return this._pendingCount===0}packIcons(t,e){if(!this._autoPacking||typeof document>"u")return;let i=Object.values(X_(t,e,this._mapping)||{});if(i.length>0){let{mapping:r,xOffset:o,yOffset:s,rowHeight:a,canvasHeight:c}=q_({icons:i,buffer:this._buffer,canvasWidth:this._canvasWidth,mapping:this._mapping,rowHeight:this._rowHeight,xOffset:this._xOffset,yOffset:this._yOffset});this._rowHeight=a,this._mapping=r,this._xOffset=o,this._yOffset=s,this._canvasHeight=c,this._texture||(this._texture=this.device.createTexture({format:"rgba8unorm",data:null,width:this._canvasWidth,height:this._canvasHeight,sampler:this._samplerParameters||ud,mipLevels:this.device.getMipLevelCount(this._canvasWidth,this._canvasHeight)})),this._texture.height!==this._canvasHeight&&(this._texture=Z_(this._texture,this._canvasWidth,this._canvasHeight,this._samplerParameters||ud)),this.onUpdate(!0),this._canvas=this._canvas||document.createElement("canvas"),this._loadIcons(i)}}_loadIcons(t){let e=this._canvas.getContext("2d",{willReadFrequently:!0});for(let i of t)this._pendingCount++,fe(i.url,this._loadOptions).then(r=>{let o=Xi(i),s=this._mapping[o],{x:a,y:c,width:l,height:f}=s,{image:h,width:u,height:d}=H_(e,r,l,f),p=a+(l-u)/2,g=c+(f-d)/2;this._texture?.copyExternalImage({image:h,x:p,y:g,width:u,height:d}),s.x=p,s.y=g,s.width=u,s.height=d,this._texture&&pd(this._texture),this.onUpdate(u!==l||d!==f)}).catch(r=>{this.onError({url:i.url,source:i.source,sourceIndex:i.sourceIndex,loadOptions:this._loadOptions,error:r})}).finally(()=>{this._pendingCount--})}};var gd=[0,0,0,255],K_={iconAtlas:{type:"image",value:null,async:!0},iconMapping:{type:"object",value:{},async:!0},sizeScale:{type:"number",value:1,min:0},billboard:!0,sizeUnits:"pixels",sizeBasis:"height",sizeMinPixels:{type:"number",min:0,value:0},sizeMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},alphaCutoff:{type:"number",value:.05,min:0,max:1},getPosition:{type:"accessor",value:n=>n.position},getIcon:{type:"accessor",value:n=>n.icon},getColor:{type:"accessor",value:gd},getSize:{type:"accessor",value:1},getAngle:{type:"accessor",value:0},getPixelOffset:{type:"accessor",value:[0,0]},onIconError:{type:"function",value:null,optional:!0},textureParameters:{type:"object",ignore:!0,value:null}},Ji=class extends Lt{getShaders(){let t=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:cd,fs:ld,source:fd(t),defines:t?{USE_ROW_INDEXES:!0}:{},modules:[Ft,Bt,Ut,ad]})}initializeState(){this.state={iconManager:new Ki(this.context.device,{onUpdate:this._onUpdate.bind(this),onError:this._onError.bind(this)})},this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceSizes:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getSize",defaultValue:1},instanceIconDefs:{size:7,bufferGroup:"icon-instance-data",accessor:"getIcon",transform:this.getInstanceIconDef,shaderAttributes:{instanceOffsets:{size:2,elementOffset:0},instanceIconFrames:{size:4,elementOffset:2},instanceColorModes:{size:1,elementOffset:6}}},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",transition:!0,bufferGroup:"icon-instance-data",accessor:"getColor",defaultValue:gd},instanceAngles:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getAngle"},instancePixelOffset:{size:2,transition:!0,bufferGroup:"icon-instance-data",accessor:"getPixelOffset"},...this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{}})}updateState(t){super.updateState(t);let{props:e,oldProps:i,changeFlags:r}=t,o=this.getAttributeManager(),{iconAtlas:s,iconMapping:a,data:c,getIcon:l,textureParameters:f}=e,{iconManager:h}=this.state;if(typeof s=="string")return;let u=s||this.internalState.isAsyncPropLoading("iconAtlas");h.setProps({loadOptions:e.loadOptions,autoPacking:!u,iconAtlas:s,iconMapping:u?a:null,textureParameters:f}),u?i.iconMapping!==e.iconMapping&&o.invalidate("getIcon"):(r.dataChanged||r.updateTriggersChanged&&(r.updateTriggersChanged.all||r.updateTriggersChanged.getIcon))&&h.packIcons(c,l),r.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}get isLoaded(){return super.isLoaded&&this.state.iconManager.isLoaded}finalizeState(t){super.finalizeState(t),this.state.iconManager.finalize()}draw({uniforms:t}){this._drawModel(this.state.model)}_drawModel(t){let{sizeScale:e,sizeBasis:i,sizeMinPixels:r,sizeMaxPixels:o,sizeUnits:s,billboard:a,alphaCutoff:c}=this.props,{iconManager:l}=this.state,f=l.getTexture();if(f){let h={iconsTexture:f,iconsTextureDim:[f.width,f.height],sizeUnits:rt[s],sizeScale:e,sizeBasis:i==="height"?1:0,sizeMinPixels:r,sizeMaxPixels:o,billboard:a,alphaCutoff:c};t.shaderInputs.setProps({icon:h}),t.draw(this.context.renderPass)}}_getModel(t=this.props.id){let e=[-1,-1,1,-1,-1,1,1,1];return new At(this.context.device,{...this.getShaders(),id:t,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array(e)}}}),isInstanced:!0})}_onUpdate(t){t?(this.getAttributeManager()?.invalidate("getIcon"),this.setNeedsUpdate()):this.setNeedsRedraw()}_onError(t){let e=this.getCurrentLayer()?.props.onIconError;e?e(t):I.error(t.error.message)()}getInstanceIconDef(t){let{x:e,y:i,width:r,height:o,mask:s,anchorX:a=r/2,anchorY:c=o/2}=this.state.iconManager.getIconMapping(t);return[r/2-a,o/2-c,e,i,r,o,s?1:0]}};Ji.defaultProps=K_;Ji.layerName="IconLayer";var Sc=Ji;var md=`layout(std140) uniform scatterplotUniforms {
  float radiusScale;
  float radiusMinPixels;
  float radiusMaxPixels;
  float lineWidthScale;
  float lineWidthMinPixels;
  float lineWidthMaxPixels;
  float stroked;
  float filled;
  bool antialiasing;
  bool billboard;
  highp int radiusUnits;
  highp int lineWidthUnits;
} scatterplot;
`,yd={name:"scatterplot",vs:md,fs:md,source:"",uniformTypes:{radiusScale:"f32",radiusMinPixels:"f32",radiusMaxPixels:"f32",lineWidthScale:"f32",lineWidthMinPixels:"f32",lineWidthMaxPixels:"f32",stroked:"f32",filled:"f32",antialiasing:"f32",billboard:"f32",radiusUnits:"i32",lineWidthUnits:"i32"}};var xd=`#version 300 es
#define SHADER_NAME scatterplot-layer-vertex-shader
in vec3 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceRadius;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec2 instancePixelOffset;
out vec4 vFillColor;
out vec4 vLineColor;
out vec2 unitPosition;
out float innerUnitRadius;
out float outerRadiusPixels;
void main(void) {
geometry.worldPosition = instancePositions;
outerRadiusPixels = clamp(
project_size_to_pixel(scatterplot.radiusScale * instanceRadius, scatterplot.radiusUnits),
scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
);
float lineWidthPixels = clamp(
project_size_to_pixel(scatterplot.lineWidthScale * instanceLineWidths, scatterplot.lineWidthUnits),
scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
);
outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
float edgePadding = scatterplot.antialiasing ? (outerRadiusPixels + SMOOTH_EDGE_RADIUS) / outerRadiusPixels : 1.0;
unitPosition = edgePadding * positions.xy;
geometry.uv = unitPosition;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / outerRadiusPixels;
if (scatterplot.billboard) {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = edgePadding * positions * outerRadiusPixels;
offset.xy += instancePixelOffset;
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset = edgePadding * positions * project_pixel_size(outerRadiusPixels);
offset.xy += project_pixel_size(instancePixelOffset);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vFillColor, geometry);
vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;var vd=`#version 300 es
#define SHADER_NAME scatterplot-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
in vec2 unitPosition;
in float innerUnitRadius;
in float outerRadiusPixels;
out vec4 fragColor;
void main(void) {
geometry.uv = unitPosition;
float distToCenter = length(unitPosition) * outerRadiusPixels;
float inCircle = scatterplot.antialiasing ?
smoothedge(distToCenter, outerRadiusPixels) :
step(distToCenter, outerRadiusPixels);
if (inCircle == 0.0) {
discard;
}
if (scatterplot.stroked > 0.5) {
float isLine = scatterplot.antialiasing ?
smoothedge(innerUnitRadius * outerRadiusPixels, distToCenter) :
step(innerUnitRadius * outerRadiusPixels, distToCenter);
if (scatterplot.filled > 0.5) {
fragColor = mix(vFillColor, vLineColor, isLine);
} else {
if (isLine == 0.0) {
discard;
}
fragColor = vec4(vLineColor.rgb, vLineColor.a * isLine);
}
} else if (scatterplot.filled < 0.5) {
discard;
} else {
fragColor = vFillColor;
}
fragColor.a *= inCircle;
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var J_=`// Main shaders

struct ScatterplotUniforms {
  radiusScale: f32,
  radiusMinPixels: f32,
  radiusMaxPixels: f32,
  lineWidthScale: f32,
  lineWidthMinPixels: f32,
  lineWidthMaxPixels: f32,
  stroked: f32,
  filled: i32,
  antialiasing: i32,
  billboard: i32,
  radiusUnits: i32,
  lineWidthUnits: i32,
};

@group(0) @binding(0) var<uniform> scatterplot: ScatterplotUniforms;

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @builtin(vertex_index) vertexIndex : u32,
  @location(0) positions: vec3<f32>,
  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceRadius: f32,
  @location(4) instanceLineWidths: f32,
  @location(5) instanceFillColors: vec4<f32>,
  @location(6) instanceLineColors: vec4<f32>,
  @location(7) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vFillColor: vec4<f32>,
  @location(1) vLineColor: vec4<f32>,
  @location(2) unitPosition: vec2<f32>,
  @location(3) innerUnitRadius: f32,
  @location(4) outerRadiusPixels: f32,
  @location(5) pickingColor: vec3<f32>,
  @location(6) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  // Draw an inline geometry constant array clip space triangle to verify that rendering works.
  // var positions = array<vec2<f32>, 3>(vec2(0.0, 0.5), vec2(-0.5, -0.5), vec2(0.5, -0.5));
  // if (attributes.instanceIndex == 0) {
  //   varyings.position = vec4<f32>(positions[attributes.vertexIndex], 0.0, 1.0);
  //   return varyings;
  // }

  geometry.worldPosition = attributes.instancePositions;

  // Multiply out radius and clamp to limits
  varyings.outerRadiusPixels = clamp(
    project_unit_size_to_pixel(scatterplot.radiusScale * attributes.instanceRadius, scatterplot.radiusUnits),
    scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
  );

  // Multiply out line width and clamp to limits
  let lineWidthPixels = clamp(
    project_unit_size_to_pixel(scatterplot.lineWidthScale * attributes.instanceLineWidths, scatterplot.lineWidthUnits),
    scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
  );

  // outer radius needs to offset by half stroke width
  varyings.outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
  // Expand geometry to accommodate edge smoothing
  // WGSL selects the second value when the condition is true, so keep the antialiased path second.
  let edgePadding = select(
    1.0,
    (varyings.outerRadiusPixels + SMOOTH_EDGE_RADIUS) / varyings.outerRadiusPixels,
    scatterplot.antialiasing != 0
  );

  // position on the containing square in [-1, 1] space
  varyings.unitPosition = edgePadding * attributes.positions.xy;
  geometry.uv = varyings.unitPosition;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  varyings.innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / varyings.outerRadiusPixels;

  if (scatterplot.billboard != 0) {
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      vec3<f32>(0.0)
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
    var offset = edgePadding * attributes.positions * varyings.outerRadiusPixels;
    offset = vec3<f32>(offset.xy + attributes.instancePixelOffset, offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipPixels = project_pixel_size_to_clipspace(offset.xy);
    varyings.position = vec4<f32>(varyings.position.x + clipPixels.x, varyings.position.y + clipPixels.y, varyings.position.z, varyings.position.w);
    geometry.position = vec4<f32>(
      geometry.position.xy + project_pixel_size_vec2(offset.xy),
      geometry.position.zw
    );
  } else {
    var offset = edgePadding * attributes.positions * project_pixel_size_float(varyings.outerRadiusPixels);
    offset = vec3<f32>(offset.xy + project_pixel_size_vec2(attributes.instancePixelOffset), offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      offset
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  // Apply opacity to instance color, or return instance picking color
  varyings.vFillColor = vec4<f32>(attributes.instanceFillColors.rgb, attributes.instanceFillColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vFillColor, geometry);
  varyings.vLineColor = vec4<f32>(attributes.instanceLineColors.rgb, attributes.instanceLineColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vLineColor, geometry);
  varyings.pickingColor = geometry.pickingColor;

  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  // var geometry: Geometry;
  // geometry.uv = unitPosition;

  let distToCenter = length(varyings.unitPosition) * varyings.outerRadiusPixels;
  let inCircle = select(
    step(distToCenter, varyings.outerRadiusPixels),
    smoothedge(distToCenter, varyings.outerRadiusPixels),
    scatterplot.antialiasing != 0
  );

  if (inCircle == 0.0) {
    discard;
  }

  var fragColor: vec4<f32>;

  if (scatterplot.stroked != 0) {
    let isLine = select(
      step(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      smoothedge(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      scatterplot.antialiasing != 0
    );

    if (scatterplot.filled != 0) {
      fragColor = mix(varyings.vFillColor, varyings.vLineColor, isLine);
    } else {
      if (isLine == 0.0) {
        discard;
      }
      fragColor = vec4<f32>(varyings.vLineColor.rgb, varyings.vLineColor.a * isLine);
    }
  } else if (scatterplot.filled == 0) {
    discard;
  } else {
    fragColor = varyings.vFillColor;
  }

  fragColor.a *= inCircle;

  clip_filterColor(varyings.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(varyings.pickingColor)) {
      discard;
    }
    return vec4<f32>(varyings.pickingColor, 1.0);
  }

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(varyings.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  // Apply premultiplied alpha as required by transparent canvas
  fragColor = deckgl_premultiplied_alpha(fragColor);

  return fragColor;
  // return vec4<f32>(0, 0, 1, 1);
}
`;function _d(n){return J_.replace("PICKING_COLOR_ATTRIBUTE",n?"@location(8) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",n?"picking_getPickingColorFromIndex(attributes.rowIndexes)":"picking_getPickingColorFromIndex(attributes.instanceIndex)")}var Q_=`struct ClipUniforms {
  enabled: i32,
  mode: i32,
  bounds: vec4<f32>,
};

@group(2) @binding(auto) var<uniform> clipUniforms: ClipUniforms;

fn clip_isInBounds(coordinates: vec2<f32>) -> bool {
  return coordinates.x >= clipUniforms.bounds.x &&
    coordinates.y >= clipUniforms.bounds.y &&
    coordinates.x < clipUniforms.bounds.z &&
    coordinates.y < clipUniforms.bounds.w;
}

fn clip_filterPosition(position: ptr<function, vec4<f32>>, instanceCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 1 &&
    !clip_isInBounds(instanceCoordinates)
  ) {
    *position = vec4<f32>(2.0, 2.0, 2.0, 1.0);
  }
}

fn clip_filterColor(geometryCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 0 &&
    !clip_isInBounds(geometryCoordinates)
  ) {
    discard;
  }
}
`,tP={name:"clip",source:Q_,props:{},uniforms:{},bindingLayout:[{name:"clip",group:2}],uniformTypes:{enabled:"i32",mode:"i32",bounds:"vec4<f32>"},defaultUniforms:{enabled:0,mode:0,bounds:[0,0,1,1]},getUniforms(n={}){let t={};return n.enabled!==void 0&&(t.enabled=n.enabled?1:0),n.mode!==void 0&&(t.mode=n.mode==="instance"?1:0),n.bounds!==void 0&&(t.bounds=n.bounds),t}},Ln=tP;var Pd=[0,0,0,255],eP={radiusUnits:"meters",radiusScale:{type:"number",min:0,value:1},radiusMinPixels:{type:"number",min:0,value:0},radiusMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},lineWidthUnits:"meters",lineWidthScale:{type:"number",min:0,value:1},lineWidthMinPixels:{type:"number",min:0,value:0},lineWidthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},stroked:!1,filled:!0,billboard:!1,antialiasing:!0,getPosition:{type:"accessor",value:n=>n.position},getRadius:{type:"accessor",value:1},getFillColor:{type:"accessor",value:Pd},getLineColor:{type:"accessor",value:Pd},getLineWidth:{type:"accessor",value:1},getPixelOffset:{type:"accessor",value:[0,0]},strokeWidth:{deprecatedFor:"getLineWidth"},outline:{deprecatedFor:"stroked"},getColor:{deprecatedFor:["getFillColor","getLineColor"]}},Qi=class extends Lt{getShaders(){let t=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:xd,fs:vd,source:_d(t),defines:t?{USE_ROW_INDEXES:!0}:{},modules:[Ft,Bt,Ut,yd,...this.context.device.type==="webgpu"?[Ln]:[]]})}initializeState(){let t=this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{};this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceRadius:{size:1,transition:!0,accessor:"getRadius",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instanceFillColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getFillColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getLineColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineWidths:{size:1,transition:!0,accessor:"getLineWidth",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instancePixelOffset:{size:2,transition:!0,accessor:"getPixelOffset",bufferGroup:"scatterplot-instance-data"},...t})}updateState(t){super.updateState(t),t.changeFlags.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),this.getAttributeManager().invalidateAll())}draw({uniforms:t}){let{radiusUnits:e,radiusScale:i,radiusMinPixels:r,radiusMaxPixels:o,stroked:s,filled:a,billboard:c,antialiasing:l,lineWidthUnits:f,lineWidthScale:h,lineWidthMinPixels:u,lineWidthMaxPixels:d}=this.props,p={stroked:s,filled:a,billboard:c,antialiasing:l,radiusUnits:rt[e],radiusScale:i,radiusMinPixels:r,radiusMaxPixels:o,lineWidthUnits:rt[f],lineWidthScale:h,lineWidthMinPixels:u,lineWidthMaxPixels:d},g=this.state.model;g.shaderInputs.setProps({scatterplot:p}),g.draw(this.context.renderPass)}_getModel(){let t=[-1,-1,0,1,-1,0,-1,1,0,1,1,0];return new At(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:3,value:new Float32Array(t)}}}),isInstanced:!0})}};Qi.defaultProps=eP;Qi.layerName="ScatterplotLayer";var Vo=Qi;var Fo={CLOCKWISE:1,COUNTER_CLOCKWISE:-1};function tr(n,t,e={}){return wd(n,e)!==t?(nP(n,e),!0):!1}function wd(n,t={}){return Math.sign(Uo(n,t))}var Cc={x:0,y:1,z:2};function Uo(n,t={}){let{start:e=0,end:i=n.length,plane:r="xy"}=t,o=t.size||2,s=0,a=Cc[r[0]],c=Cc[r[1]];for(let l=e,f=i-o;l<i;l+=o)s+=(n[l+a]-n[f+a])*(n[l+c]+n[f+c]),f=l;return s/2}function nP(n,t){let{start:e=0,end:i=n.length,size:r=2}=t,o=(i-e)/r,s=Math.floor(o/2);for(let a=0;a<s;++a){let c=e+a*r,l=e+(o-1-a)*r;for(let f=0;f<r;++f){let h=n[c+f];n[c+f]=n[l+f],n[l+f]=h}}}function lt(n,t){let e=t.length,i=n.length;if(i>0){let r=!0;for(let o=0;o<e;o++)if(n[i-e+o]!==t[o]){r=!1;break}if(r)return!1}for(let r=0;r<e;r++)n[i+r]=t[r];return!0}function er(n,t){let e=t.length;for(let i=0;i<e;i++)n[i]=t[i]}function ve(n,t,e,i,r=[]){let o=i+t*e;for(let s=0;s<e;s++)r[s]=n[o+s];return r}function Go(n,t,e,i,r=[]){let o,s;if(e&8)o=(i[3]-n[1])/(t[1]-n[1]),s=3;else if(e&4)o=(i[1]-n[1])/(t[1]-n[1]),s=1;else if(e&2)o=(i[2]-n[0])/(t[0]-n[0]),s=2;else if(e&1)o=(i[0]-n[0])/(t[0]-n[0]),s=0;else return null;for(let a=0;a<n.length;a++)r[a]=(s&1)===a?i[s]:o*(t[a]-n[a])+n[a];return r}function nr(n,t){let e=0;return n[0]<t[0]?e|=1:n[0]>t[2]&&(e|=2),n[1]<t[1]?e|=4:n[1]>t[3]&&(e|=8),e}function ir(n,t){let{size:e=2,broken:i=!1,gridResolution:r=10,gridOffset:o=[0,0],startIndex:s=0,endIndex:a=n.length}=t||{},c=(a-s)/e,l=[],f=[l],h=ve(n,0,e,s),u,d,p=Md(h,r,o,[]),g=[];lt(l,h);for(let m=1;m<c;m++){for(u=ve(n,m,e,s,u),d=nr(u,p);d;){Go(h,u,d,p,g);let v=nr(g,p);v&&(Go(h,g,v,p,g),d=v),lt(l,g),er(h,g),oP(p,r,d),i&&l.length>e&&(l=[],f.push(l),lt(l,h)),d=nr(u,p)}lt(l,u),er(h,u)}return i?f:f[0]}var bd=0,rP=1;function rr(n,t=null,e){if(!n.length)return[];let{size:i=2,gridResolution:r=10,gridOffset:o=[0,0],edgeTypes:s=!1}=e||{},a=[],c=[{pos:n,types:s?new Array(n.length/i).fill(rP):null,holes:t||[]}],l=[[],[]],f=[];for(;c.length;){let{pos:h,types:u,holes:d}=c.shift();sP(h,i,d[0]||h.length,l),f=Md(l[0],r,o,f);let p=nr(l[1],f);if(p){let g=Ed(h,u,i,0,d[0]||h.length,f,p),m={pos:g[0].pos,types:g[0].types,holes:[]},v={pos:g[1].pos,types:g[1].types,holes:[]};c.push(m,v);for(let _=0;_<d.length;_++)g=Ed(h,u,i,d[_],d[_+1]||h.length,f,p),g[0]&&(m.holes.push(m.pos.length),m.pos=Wo(m.pos,g[0].pos),s&&(m.types=Wo(m.types,g[0].types))),g[1]&&(v.holes.push(v.pos.length),v.pos=Wo(v.pos,g[1].pos),s&&(v.types=Wo(v.types,g[1].types)))}else{let g={positions:h};s&&(g.edgeTypes=u),d.length&&(g.holeIndices=d),a.push(g)}}return a}function Ed(n,t,e,i,r,o,s){let a=(r-i)/e,c=[],l=[],f=[],h=[],u=[],d,p,g,m=ve(n,a-1,e,i),v=Math.sign(s&8?m[1]-o[3]:m[0]-o[2]),_=t&&t[a-1],y=0,x=0;for(let w=0;w<a;w++)d=ve(n,w,e,i,d),p=Math.sign(s&8?d[1]-o[3]:d[0]-o[2]),g=t&&t[i/e+w],p&&v&&v!==p&&(Go(m,d,s,o,u),lt(c,u)&&f.push(_),lt(l,u)&&h.push(_)),p<=0?(lt(c,d)&&f.push(g),y-=p):f.length&&(f[f.length-1]=bd),p>=0?(lt(l,d)&&h.push(g),x+=p):h.length&&(h[h.length-1]=bd),er(m,d),v=p,_=g;return[y?{pos:c,types:t&&f}:null,x?{pos:l,types:t&&h}:null]}function Md(n,t,e,i){let r=Math.floor((n[0]-e[0])/t)*t+e[0],o=Math.floor((n[1]-e[1])/t)*t+e[1];return i[0]=r,i[1]=o,i[2]=r+t,i[3]=o+t,i}function oP(n,t,e){e&8?(n[1]+=t,n[3]+=t):e&4?(n[1]-=t,n[3]-=t):e&2?(n[0]+=t,n[2]+=t):e&1&&(n[0]-=t,n[2]-=t)}function sP(n,t,e,i){let r=1/0,o=-1/0,s=1/0,a=-1/0;for(let c=0;c<e;c+=t){let l=n[c],f=n[c+1];r=l<r?l:r,o=l>o?l:o,s=f<s?f:s,a=f>a?f:a}return i[0][0]=r,i[0][1]=s,i[1][0]=o,i[1][1]=a,i}function Wo(n,t){for(let e=0;e<t.length;e++)n.push(t[e]);return n}var aP=85.051129;function Tc(n,t){let{size:e=2,startIndex:i=0,endIndex:r=n.length,normalize:o=!0}=t||{},s=n.slice(i,r);Sd(s,e,0,r-i);let a=ir(s,{size:e,broken:!0,gridResolution:360,gridOffset:[-180,-180]});if(o)for(let c of a)Cd(c,e);return a}function Lc(n,t=null,e){let{size:i=2,normalize:r=!0,edgeTypes:o=!1}=e||{};t=t||[];let s=[],a=[],c=0,l=0;for(let h=0;h<=t.length;h++){let u=t[h]||n.length,d=l,p=cP(n,i,c,u);for(let g=p;g<u;g++)s[l++]=n[g];for(let g=c;g<p;g++)s[l++]=n[g];Sd(s,i,d,l),lP(s,i,d,l,e?.maxLatitude),c=u,a[h]=l}a.pop();let f=rr(s,a,{size:i,gridResolution:360,gridOffset:[-180,-180],edgeTypes:o});if(r)for(let h of f)Cd(h.positions,i);return f}function cP(n,t,e,i){let r=-1,o=-1;for(let s=e+1;s<i;s+=t){let a=Math.abs(n[s]);a>r&&(r=a,o=s-1)}return o}function lP(n,t,e,i,r=aP){let o=n[e],s=n[i-t];if(Math.abs(o-s)>180){let a=ve(n,0,t,e);a[0]+=Math.round((s-o)/360)*360,lt(n,a),a[1]=Math.sign(a[1])*r,lt(n,a),a[0]=o,lt(n,a)}}function Sd(n,t,e,i){let r=n[0],o;for(let s=e;s<i;s+=t){o=n[s];let a=o-r;(a>180||a<-180)&&(o-=Math.round(a/360)*360),n[s]=r=o}}function Cd(n,t){let e,i=n.length/t;for(let o=0;o<i&&(e=n[o*t],(e+180)%360===0);o++);let r=-Math.round(e/360)*360;if(r!==0)for(let o=0;o<i;o++)n[o*t]+=r}function Td(n,t,e,i){let r;if(Array.isArray(n[0])){let o=n.length*t;r=new Array(o);for(let s=0;s<n.length;s++)for(let a=0;a<t;a++)r[s*t+a]=n[s][a]||0}else r=n;return e?ir(r,{size:t,gridResolution:e}):i?Tc(r,{size:t}):r}var hP=1,uP=2,or=4,sr=class extends xe{constructor(t){super({...t,attributes:{positions:{size:3,padding:18,initialize:!0,type:t.fp64?Float64Array:Float32Array},segmentTypes:{size:1,type:t.isWebGPU?Float32Array:Uint8ClampedArray}}})}get(t){return this.attributes[t]}getPathSegmentIndices(t){let e=this.attributes.segmentTypes,i=this.vertexStarts[t],r=Math.min(this.vertexStarts[t+1]??this.instanceCount,this.instanceCount),o=[];for(let s=i;s<r-1;s++)(e[s]&or)===0&&o.push(s);return o.length&&(e[i]&or)!==0&&o.unshift(o.pop()),o}getGeometryFromBuffer(t){return this.normalize||this.opts.isWebGPU?super.getGeometryFromBuffer(t):null}normalizeGeometry(t){return this.normalize?Td(t,this.positionSize,this.opts.resolution,this.opts.wrapLongitude):t}getGeometrySize(t){if(Ld(t)){let i=0;for(let r of t)i+=this.getGeometrySize(r);return i}let e=this.getPathLength(t);return e<2?0:this.isClosed(t)?e<3?0:e+2:e}updateGeometryAttributes(t,e){if(e.geometrySize!==0)if(t&&Ld(t))for(let i of t){let r=this.getGeometrySize(i);e.geometrySize=r,this.updateGeometryAttributes(i,e),e.vertexStart+=r}else this._updateSegmentTypes(t,e),this._updatePositions(t,e)}_updateSegmentTypes(t,e){let i=this.attributes.segmentTypes,r=t?this.isClosed(t):!1,{vertexStart:o,geometrySize:s}=e;i.fill(0,o,o+s),r?(i[o]=or,i[o+s-2]=or):(i[o]+=hP,i[o+s-2]+=uP),i[o+s-1]=or}_updatePositions(t,e){let{positions:i}=this.attributes;if(!i||!t)return;let{vertexStart:r,geometrySize:o}=e,s=new Array(3);for(let a=r,c=0;c<o;a++,c++)this.getPointOnPath(t,c,s),i[a*3]=s[0],i[a*3+1]=s[1],i[a*3+2]=s[2]}getPathLength(t){return t.length/this.positionSize}getPointOnPath(t,e,i=[]){let{positionSize:r}=this;e*r>=t.length&&(e+=1-t.length/r);let o=e*r;return i[0]=t[o],i[1]=t[o+1],i[2]=r===3&&t[o+2]||0,i}isClosed(t){if(!this.normalize)return!!this.opts.loop;let{positionSize:e}=this,i=t.length-e;return t[0]===t[i]&&t[1]===t[i+1]&&(e===2||t[2]===t[i+2])}};function Ld(n){return Array.isArray(n[0])}var dP=`struct PathUniforms {
  widthScale: f32,
  widthMinPixels: f32,
  widthMaxPixels: f32,
  jointType: f32,
  capType: f32,
  miterLimit: f32,
  billboard: f32,
  widthUnits: i32,
};

@group(0) @binding(auto)
var<uniform> path: PathUniforms;
`,Ad=`layout(std140) uniform pathUniforms {
  float widthScale;
  float widthMinPixels;
  float widthMaxPixels;
  float jointType;
  float capType;
  float miterLimit;
  bool billboard;
  highp int widthUnits;
} path;
`,Id={name:"path",source:dP,vs:Ad,fs:Ad,uniformTypes:{widthScale:"f32",widthMinPixels:"f32",widthMaxPixels:"f32",jointType:"f32",capType:"f32",miterLimit:"f32",billboard:"f32",widthUnits:"i32"}};var Rd=`const EPSILON: f32 = 0.001;
const ZERO_OFFSET: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);

struct JoinResult {
  offset: vec3<f32>,
  cornerOffset: vec2<f32>,
  miterLength: f32,
  pathPosition: vec2<f32>,
  pathLength: f32,
  jointType: f32,
};

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) instanceTypes: f32,
  @location(2) instanceLeftPositions: vec3<f32>,
  @location(3) instanceStartPositions: vec3<f32>,
  @location(4) instanceEndPositions: vec3<f32>,
  @location(5) instanceRightPositions: vec3<f32>,
  @location(6) instanceLeftPositions64Low: vec3<f32>,
  @location(7) instanceStartPositions64Low: vec3<f32>,
  @location(8) instanceEndPositions64Low: vec3<f32>,
  @location(9) instanceRightPositions64Low: vec3<f32>,
  @location(10) instanceStrokeWidths: f32,
  @location(11) instanceColors: vec4<f32>,
  @location(12) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) vCornerOffset: vec2<f32>,
  @location(2) vMiterLength: f32,
  @location(3) vPathPosition: vec2<f32>,
  @location(4) vPathLength: f32,
  @location(5) vJointType: f32,
  // Location 6 is reserved for TripsLayer's injected vTime varying.
  @location(7) clipCoordinates: vec2<f32>,
#ifdef DASH_ENABLED
  @location(8) vPathBounds: vec2<f32>,
#endif
};

fn flipIfTrue(flag: bool) -> f32 {
  return select(1.0, -1.0, flag);
}

fn clipLine(position: vec4<f32>, refPosition: vec4<f32>) -> vec4<f32> {
  if (position.w < EPSILON) {
    let r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
    return refPosition + (position - refPosition) * r;
  }
  return position;
}

#ifdef DASH_ENABLED
// Return the visible interval of the original segment before clipLine moves either endpoint.
fn getClippedPathRange(startW: f32, endW: f32) -> vec2<f32> {
  let startClipped = startW < EPSILON;
  let endClipped = endW < EPSILON;
  if (startClipped && endClipped) {
    return vec2<f32>(0.0, 0.0);
  }
  if (startClipped || endClipped) {
    let intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
    if (startClipped) {
      return vec2<f32>(intersection, 1.0);
    }
    return vec2<f32>(0.0, intersection);
  }
  return vec2<f32>(0.0, 1.0);
}
#endif

fn getLineJoinOffset(
  prevPoint: vec3<f32>,
  currPoint: vec3<f32>,
  nextPoint: vec3<f32>,
  width: vec2<f32>,
#ifdef DASH_ENABLED
  sourcePathLength: f32,
  sourcePathRange: vec2<f32>,
#endif
#ifdef ANTIALIASING
  coverageScale: f32,
#endif
  positions: vec2<f32>,
  instanceTypes: f32
) -> JoinResult {
  let isEnd = positions.x > 0.0;
  let sideOfPath = positions.y;
  let isJoint = select(0.0, 1.0, sideOfPath == 0.0);

  var deltaA3 = currPoint - prevPoint;
  var deltaB3 = nextPoint - currPoint;

  let rotationResult = project_needs_rotation(currPoint);
  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    deltaA3 = rotationResult.transform * deltaA3;
    deltaB3 = rotationResult.transform * deltaB3;
  }

  let deltaA = deltaA3.xy / width;
  let deltaB = deltaB3.xy / width;

  let lenA = length(deltaA);
  let lenB = length(deltaB);

  let dirA = select(vec2<f32>(0.0, 0.0), normalize(deltaA), lenA > 0.0);
  let dirB = select(vec2<f32>(0.0, 0.0), normalize(deltaB), lenB > 0.0);

  let perpA = vec2<f32>(-dirA.y, dirA.x);
  let perpB = vec2<f32>(-dirB.y, dirB.x);

  var tangent = dirA + dirB;
  tangent = select(perpA, normalize(tangent), length(tangent) > 0.0);
  let miterVec = vec2<f32>(-tangent.y, tangent.x);
  let dir = select(dirB, dirA, isEnd);
  let perp = select(perpB, perpA, isEnd);
#ifdef DASH_ENABLED
  let segmentLength2D = select(lenB, lenA, isEnd);

  // Extrusion happens in the XY plane, so segmentLength2D is a 2D length and pathPosition.y
  // below measures 2D distance along the segment. For a path that also moves in Z the true
  // arc length is longer by this ratio. Scaling pathLength and pathPosition.y by it makes
  // the coordinate measure real 3D distance while leaving the joint tests unchanged, since
  // they compare the two against each other and both are scaled alike. Billboard mode
  // extrudes in clip space, where the perspective divide has already reduced the segment to
  // its screen projection, so its complete common-space length is supplied by the caller.
  // Mirrors path-layer-vertex.glsl.ts.
  let currDelta3 = select(deltaB3, deltaA3, isEnd);
  let currLength2D = length(currDelta3.xy);
  // Do not clamp a valid denominator to EPSILON: high-zoom Web Mercator deltas are often
  // smaller than that in common space, and changing their scale corrupts even flat paths.
  let safeLength2D = select(1.0, currLength2D, currLength2D > 0.0);
  var arcLengthRatio = 1.0;
  var pathPositionOffset = 0.0;
  var pathLength = segmentLength2D;
  if (path.billboard != 0.0) {
    // clipLine may shorten the visible screen-space segment. Preserve the corresponding interval
    // of the complete common-space arclength instead of compressing the full dash period into the
    // visible span. Keep pathLength complete so justification is stable as the camera clips it.
    let visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
    arcLengthRatio = 0.0;
    if (segmentLength2D > 0.0) {
      arcLengthRatio = visiblePathLength / segmentLength2D;
    }
    pathPositionOffset = sourcePathLength * sourcePathRange.x;
    pathLength = sourcePathLength;
  } else if (currLength2D > 0.0) {
    arcLengthRatio = length(currDelta3) / safeLength2D;
    pathLength = segmentLength2D * arcLengthRatio;
  }
#else
  let pathLength = select(lenB, lenA, isEnd);
#endif

  let sinHalfA = abs(dot(miterVec, perp));
  let cosHalfA = abs(dot(dirA, miterVec));
  let turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
  let cornerPosition = sideOfPath * turnDirection;

  var miterSize = 1.0 / max(sinHalfA, EPSILON);
  miterSize = mix(
    min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
    miterSize,
    step(0.0, cornerPosition)
  );

  var offsetVec =
    mix(miterVec * miterSize, perp, step(0.5, cornerPosition)) *
    (sideOfPath + isJoint * turnDirection);

  let isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
  let isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
  let isCap = isStartCap || isEndCap;

  var jointType = path.jointType;
  if (isCap) {
    offsetVec = mix(
      perp * sideOfPath,
      dir * path.capType * 4.0 * flipIfTrue(isStartCap),
      isJoint
    );
    jointType = path.capType;
  }

#ifdef ANTIALIASING
  let coverageOffsetVec = offsetVec * coverageScale;
  var miterLength = dot(coverageOffsetVec, miterVec * turnDirection);
#else
  var miterLength = dot(offsetVec, miterVec * turnDirection);
#endif
  miterLength = select(miterLength, isJoint, isCap);

#ifdef ANTIALIASING
  let offsetFromStartOfPath = coverageOffsetVec + deltaA * select(0.0, 1.0, isEnd);
#else
  let offsetFromStartOfPath = offsetVec + deltaA * select(0.0, 1.0, isEnd);
#endif
  let pathPosition = vec2<f32>(
    dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
    pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
    dot(offsetFromStartOfPath, dir)
#endif
  );
  let isValid = step(f32(instanceTypes), 3.5);
#ifdef ANTIALIASING
  var offset = vec3<f32>(coverageOffsetVec * width * isValid, 0.0);
#else
  var offset = vec3<f32>(offsetVec * width * isValid, 0.0);
#endif

  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    offset = rotationResult.transform * offset;
  }

#ifdef ANTIALIASING
  return JoinResult(
    offset, coverageOffsetVec, miterLength, pathPosition, pathLength, jointType
  );
#else
  return JoinResult(offset, offsetVec, miterLength, pathPosition, pathLength, jointType);
#endif
}

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let isEnd = attributes.positions.x;

  let prevPosition = mix(attributes.instanceLeftPositions, attributes.instanceStartPositions, isEnd);
  let prevPosition64Low = mix(
    attributes.instanceLeftPositions64Low,
    attributes.instanceStartPositions64Low,
    isEnd
  );
  let currPosition = mix(attributes.instanceStartPositions, attributes.instanceEndPositions, isEnd);
  let currPosition64Low = mix(
    attributes.instanceStartPositions64Low,
    attributes.instanceEndPositions64Low,
    isEnd
  );
  let nextPosition = mix(attributes.instanceEndPositions, attributes.instanceRightPositions, isEnd);
  let nextPosition64Low = mix(
    attributes.instanceEndPositions64Low,
    attributes.instanceRightPositions64Low,
    isEnd
  );

  geometry.worldPosition = currPosition;

  let widthPixels =
    clamp(
      project_unit_size_to_pixel(attributes.instanceStrokeWidths * path.widthScale, path.widthUnits),
      path.widthMinPixels,
      path.widthMaxPixels
    ) / 2.0;

  if (path.billboard != 0.0) {
#ifdef DASH_ENABLED
    let prevProjection = project_position_to_clipspace_and_commonspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    let nextProjection = project_position_to_clipspace_and_commonspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
    let prevPositionCommon = prevProjection.commonPosition.xyz;
    let nextPositionCommon = nextProjection.commonPosition.xyz;
    var prevPositionScreen = prevProjection.clipPosition;
    var nextPositionScreen = nextProjection.clipPosition;
#else
    var prevPositionScreen = project_position_to_clipspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    var nextPositionScreen = project_position_to_clipspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
#endif
    let currProjection = project_position_to_clipspace_and_commonspace(
      currPosition, currPosition64Low, ZERO_OFFSET
    );
    geometry.position = currProjection.commonPosition;
    var currPositionScreen = currProjection.clipPosition;
#ifdef DASH_ENABLED
    let currPositionCommon = currProjection.commonPosition.xyz;
    let sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
    let sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
    let billboardPathRange = getClippedPathRange(
      sourcePathStartScreen.w, sourcePathEndScreen.w
    );
#endif

    prevPositionScreen = clipLine(prevPositionScreen, currPositionScreen);
    nextPositionScreen = clipLine(nextPositionScreen, currPositionScreen);
    currPositionScreen = clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));

#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
#ifdef DASH_ENABLED
    let currentDeltaCommon = select(
      nextPositionCommon - currPositionCommon,
      currPositionCommon - prevPositionCommon,
      isEnd > 0.0
    );
    let billboardPathLength = select(
      0.0,
      length(currentDeltaCommon) * project.scale / (widthPixels * project.focalDistance),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionScreen.xyz / prevPositionScreen.w,
      currPositionScreen.xyz / currPositionScreen.w,
      nextPositionScreen.xyz / nextPositionScreen.w,
      project_pixel_size_to_clipspace(vec2<f32>(widthPixels, widthPixels)),
#ifdef DASH_ENABLED
      billboardPathLength,
      billboardPathRange,
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    // Phase and justification use the complete source segment, while cap and joint coverage
    // must still recognize the endpoints moved by clipLine.
    varyings.vPathBounds = billboardPathLength * billboardPathRange;
#endif

    geometry.uv = join.pathPosition;
    varyings.position = vec4<f32>(
      currPositionScreen.xyz + join.offset * currPositionScreen.w,
      currPositionScreen.w
    );
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  } else {
    let prevPositionCommon = project_position_vec3_f64(prevPosition, prevPosition64Low);
    let currPositionCommon = project_position_vec3_f64(currPosition, currPosition64Low);
    let nextPositionCommon = project_position_vec3_f64(nextPosition, nextPosition64Low);

    let width = vec2<f32>(
      project_pixel_size_float(widthPixels),
      project_pixel_size_float(widthPixels)
    );
#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionCommon,
      currPositionCommon,
      nextPositionCommon,
      width,
#ifdef DASH_ENABLED
      1.0,
      vec2<f32>(0.0, 1.0),
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    varyings.vPathBounds = vec2<f32>(0.0, join.pathLength);
#endif

    geometry.position = vec4<f32>(currPositionCommon + join.offset, 1.0);
    geometry.uv = join.pathPosition;
    varyings.position = project_common_position_to_clipspace(geometry.position);
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  varyings.vColor = vec4<f32>(
    attributes.instanceColors.rgb,
    attributes.instanceColors.a * layer.opacity
  );
  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = varyings.vPathPosition;

#ifdef ANTIALIASING
  // Coordinates of the outer silhouette, in units of half-width: rounded joints and caps are
  // bounded by the corner offset, everywhere else by the edge of the stroke. Dividing by the
  // screen-space derivative converts the distance to the boundary into device pixels, which stays
  // correct under perspective foreshortening and under extensions that rescale the stroke.
#ifdef DASH_ENABLED
  let isCorner =
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y;
#else
  let isCorner = varyings.vPathPosition.y < 0.0 || varyings.vPathPosition.y > varyings.vPathLength;
#endif
  let isRound = varyings.vJointType > 0.5;

  // Distance to the silhouette in device pixels, from the derivative of the coordinate that
  // bounds it. Computed before the discards below: derivatives need uniform control flow and are
  // undefined after a discard in the quad. See dev-docs/RFCs/v9.4/analytic-antialiasing-rfc.md
  let bodyCoord = abs(varyings.vPathPosition.x);
  let cornerCoord = length(varyings.vCornerOffset);
  // Both evaluated so each derivative stays on one field across the corner/body boundary
  let bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
  let cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
  // Rounded corners still intersect the stroke-width envelope. Extensions may remap
  // vPathPosition.x independently of vCornerOffset, as PathStyleExtension does for offsets.
  let edgePixels = select(bodyPixels, min(cornerPixels, bodyPixels), isRound && isCorner);
#else
  let edgePixels = select(bodyPixels, cornerPixels, isRound && isCorner);
#endif

  // Fragments outside the coverage ramp must not write depth or picking colors.
  if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
    discard;
  }

  if (isCorner) {
    if (!isRound && varyings.vMiterLength > path.miterLimit + 1.0) {
      discard;
    }
  }

  var color = varyings.vColor;

  // Feather one device pixel across the width only, before premultiplication. edgePixels is a
  // signed device-pixel distance and SMOOTH_EDGE_RADIUS is 0.5, so this ramps across one pixel.
  color.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
  if (
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y
  ) {
#else
  if (
    varyings.vPathPosition.y < 0.0 ||
    varyings.vPathPosition.y > varyings.vPathLength
  ) {
#endif
    if (varyings.vJointType > 0.5 && length(varyings.vCornerOffset) > 1.0) {
      discard;
    }
    if (
      varyings.vJointType < 0.5 &&
      varyings.vMiterLength > path.miterLimit + 1.0
    ) {
      discard;
    }
  }
#endif

  // Fragment-layer injections that discard pixels must run after analytic coverage derivatives.
  // See TripsLayer, which rejects fragments outside of the active time window at this anchor.
  // DECKGL_FILTER_COLOR
  clip_filterColor(varyings.clipCoordinates);
#ifdef ANTIALIASING
  return deckgl_premultiplied_alpha(color);
#else
  return deckgl_premultiplied_alpha(varyings.vColor);
#endif
}
`;var Od=`#version 300 es
#define SHADER_NAME path-layer-vertex-shader
in vec2 positions;
in float instanceTypes;
in vec3 instanceStartPositions;
in vec3 instanceEndPositions;
in vec3 instanceLeftPositions;
in vec3 instanceRightPositions;
in vec3 instanceLeftPositions64Low;
in vec3 instanceStartPositions64Low;
in vec3 instanceEndPositions64Low;
in vec3 instanceRightPositions64Low;
in float instanceStrokeWidths;
in vec4 instanceColors;
in float rowIndexes;
uniform float opacity;
out vec4 vColor;
out vec2 vCornerOffset;
out float vMiterLength;
out vec2 vPathPosition;
out float vPathLength;
out float vJointType;
#ifdef DASH_ENABLED
out vec2 vPathBounds;
#endif
const float EPSILON = 0.001;
const vec3 ZERO_OFFSET = vec3(0.0);
float flipIfTrue(bool flag) {
return -(float(flag) * 2. - 1.);
}
vec3 getLineJoinOffset(
vec3 prevPoint, vec3 currPoint, vec3 nextPoint,
vec2 width
#ifdef DASH_ENABLED
, float sourcePathLength, vec2 sourcePathRange
#endif
#ifdef ANTIALIASING
, float coverageScale
#endif
) {
bool isEnd = positions.x > 0.0;
float sideOfPath = positions.y;
float isJoint = float(sideOfPath == 0.0);
vec3 deltaA3 = (currPoint - prevPoint);
vec3 deltaB3 = (nextPoint - currPoint);
mat3 rotationMatrix;
bool needsRotation = !path.billboard && project_needs_rotation(currPoint, rotationMatrix);
if (needsRotation) {
deltaA3 = deltaA3 * rotationMatrix;
deltaB3 = deltaB3 * rotationMatrix;
}
vec2 deltaA = deltaA3.xy / width;
vec2 deltaB = deltaB3.xy / width;
float lenA = length(deltaA);
float lenB = length(deltaB);
vec2 dirA = lenA > 0. ? normalize(deltaA) : vec2(0.0, 0.0);
vec2 dirB = lenB > 0. ? normalize(deltaB) : vec2(0.0, 0.0);
vec2 perpA = vec2(-dirA.y, dirA.x);
vec2 perpB = vec2(-dirB.y, dirB.x);
vec2 tangent = dirA + dirB;
tangent = length(tangent) > 0. ? normalize(tangent) : perpA;
vec2 miterVec = vec2(-tangent.y, tangent.x);
vec2 dir = isEnd ? dirA : dirB;
vec2 perp = isEnd ? perpA : perpB;
float L = isEnd ? lenA : lenB;
#ifdef DASH_ENABLED
vec3 currDelta3 = isEnd ? deltaA3 : deltaB3;
float currLength2D = length(currDelta3.xy);
float arcLengthRatio = 1.0;
float pathPositionOffset = 0.0;
float pathLength = L;
if (path.billboard) {
float visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
arcLengthRatio = L > 0.0 ? visiblePathLength / L : 0.0;
pathPositionOffset = sourcePathLength * sourcePathRange.x;
pathLength = sourcePathLength;
} else if (currLength2D > 0.0) {
arcLengthRatio = length(currDelta3) / currLength2D;
pathLength = L * arcLengthRatio;
}
#endif
float sinHalfA = abs(dot(miterVec, perp));
float cosHalfA = abs(dot(dirA, miterVec));
float turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
float cornerPosition = sideOfPath * turnDirection;
float miterSize = 1.0 / max(sinHalfA, EPSILON);
miterSize = mix(
min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
miterSize,
step(0.0, cornerPosition)
);
vec2 offsetVec = mix(miterVec * miterSize, perp, step(0.5, cornerPosition))
* (sideOfPath + isJoint * turnDirection);
bool isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
bool isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
bool isCap = isStartCap || isEndCap;
if (isCap) {
offsetVec = mix(perp * sideOfPath, dir * path.capType * 4.0 * flipIfTrue(isStartCap), isJoint);
vJointType = path.capType;
} else {
vJointType = path.jointType;
}
#ifdef ANTIALIASING
vec2 coverageOffsetVec = offsetVec * coverageScale;
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = coverageOffsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = coverageOffsetVec + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(coverageOffsetVec * width * isValid, 0.0);
#else
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = offsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = vCornerOffset + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(offsetVec * width * isValid, 0.0);
#endif
if (needsRotation) {
offset = rotationMatrix * offset;
}
return offset;
}
void clipLine(inout vec4 position, vec4 refPosition) {
if (position.w < EPSILON) {
float r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
position = refPosition + (position - refPosition) * r;
}
}
#ifdef DASH_ENABLED
vec2 getClippedPathRange(float startW, float endW) {
bool startClipped = startW < EPSILON;
bool endClipped = endW < EPSILON;
if (startClipped && endClipped) {
return vec2(0.0);
}
if (startClipped || endClipped) {
float intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
return startClipped ? vec2(intersection, 1.0) : vec2(0.0, intersection);
}
return vec2(0.0, 1.0);
}
#endif
void main() {
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
vColor = vec4(instanceColors.rgb, instanceColors.a * layer.opacity);
float isEnd = positions.x;
vec3 prevPosition = mix(instanceLeftPositions, instanceStartPositions, isEnd);
vec3 prevPosition64Low = mix(instanceLeftPositions64Low, instanceStartPositions64Low, isEnd);
vec3 currPosition = mix(instanceStartPositions, instanceEndPositions, isEnd);
vec3 currPosition64Low = mix(instanceStartPositions64Low, instanceEndPositions64Low, isEnd);
vec3 nextPosition = mix(instanceEndPositions, instanceRightPositions, isEnd);
vec3 nextPosition64Low = mix(instanceEndPositions64Low, instanceRightPositions64Low, isEnd);
geometry.worldPosition = currPosition;
vec2 widthPixels = vec2(clamp(
project_size_to_pixel(instanceStrokeWidths * path.widthScale, path.widthUnits),
path.widthMinPixels, path.widthMaxPixels) / 2.0);
vec3 width;
if (path.billboard) {
#ifdef DASH_ENABLED
vec4 prevPositionCommon;
vec4 nextPositionCommon;
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET, prevPositionCommon
);
#else
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET
);
#endif
vec4 currPositionScreen = project_position_to_clipspace(currPosition, currPosition64Low, ZERO_OFFSET, geometry.position);
#ifdef DASH_ENABLED
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET, nextPositionCommon
);
#else
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET
);
#endif
#ifdef DASH_ENABLED
vec4 sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
vec4 sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
vec2 billboardPathRange = getClippedPathRange(
sourcePathStartScreen.w, sourcePathEndScreen.w
);
#endif
clipLine(prevPositionScreen, currPositionScreen);
clipLine(nextPositionScreen, currPositionScreen);
clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));
width = vec3(widthPixels, 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = vec2(0.5 / project.devicePixelRatio);
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
#ifdef DASH_ENABLED
vec3 currentDeltaCommon = isEnd > 0.0
? geometry.position.xyz - prevPositionCommon.xyz
: nextPositionCommon.xyz - geometry.position.xyz;
float billboardPathLength = width.x > 0.0
? length(currentDeltaCommon) * project.scale / (width.x * project.focalDistance)
: 0.0;
#endif
vec3 offset = getLineJoinOffset(
prevPositionScreen.xyz / prevPositionScreen.w,
currPositionScreen.xyz / currPositionScreen.w,
nextPositionScreen.xyz / nextPositionScreen.w,
project_pixel_size_to_clipspace(width.xy)
#ifdef DASH_ENABLED
,
billboardPathLength, billboardPathRange
#endif
#ifdef ANTIALIASING
,
coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = billboardPathLength * billboardPathRange;
#endif
DECKGL_FILTER_GL_POSITION(currPositionScreen, geometry);
gl_Position = vec4(currPositionScreen.xyz + offset * currPositionScreen.w, currPositionScreen.w);
} else {
prevPosition = project_position(prevPosition, prevPosition64Low);
currPosition = project_position(currPosition, currPosition64Low);
nextPosition = project_position(nextPosition, nextPosition64Low);
width = vec3(project_pixel_size(widthPixels), 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = project_pixel_size(vec2(0.5 / project.devicePixelRatio));
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
vec3 offset = getLineJoinOffset(
prevPosition, currPosition, nextPosition, width.xy
#ifdef DASH_ENABLED
, 1.0, vec2(0.0, 1.0)
#endif
#ifdef ANTIALIASING
, coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = vec2(0.0, vPathLength);
#endif
geometry.position = vec4(currPosition + offset, 1.0);
gl_Position = project_common_position_to_clipspace(geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var kd=`#version 300 es
#define SHADER_NAME path-layer-fragment-shader
precision highp float;
in vec4 vColor;
in vec2 vCornerOffset;
in float vMiterLength;
in vec2 vPathPosition;
in float vPathLength;
in float vJointType;
#ifdef DASH_ENABLED
in vec2 vPathBounds;
#endif
out vec4 fragColor;
void main(void) {
geometry.uv = vPathPosition;
#ifdef ANTIALIASING
#ifdef DASH_ENABLED
bool isCorner = vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y;
#else
bool isCorner = vPathPosition.y < 0.0 || vPathPosition.y > vPathLength;
#endif
bool isRound = vJointType > 0.5;
float bodyCoord = abs(vPathPosition.x);
float cornerCoord = length(vCornerOffset);
float bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
float cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
float edgePixels = isRound && isCorner ? min(cornerPixels, bodyPixels) : bodyPixels;
#else
float edgePixels = isRound && isCorner ? cornerPixels : bodyPixels;
#endif
if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
discard;
}
if (isCorner) {
if (!isRound && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
fragColor.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
if (vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y) {
#else
if (vPathPosition.y < 0.0 || vPathPosition.y > vPathLength) {
#endif
if (vJointType > 0.5 && length(vCornerOffset) > 1.0) {
discard;
}
if (vJointType < 0.5 && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
#endif
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var zd=[0,0,0,255],pP={widthUnits:"meters",widthScale:{type:"number",min:0,value:1},widthMinPixels:{type:"number",min:0,value:0},widthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},jointRounded:!1,capRounded:!1,miterLimit:{type:"number",min:0,value:4},antialiasing:!1,billboard:!1,_pathType:null,getPath:{type:"accessor",value:n=>n.path},getColor:{type:"accessor",value:zd},getWidth:{type:"accessor",value:1},rounded:{deprecatedFor:["jointRounded","capRounded"]}},Ac={enter:(n,t)=>t.length?t.subarray(t.length-n.length):n};function gP(n){if(n.isGeospatial)return null;let{unitsPerMeter:t}=n.distanceScales;return[t[0],t[1],t[2]]}function Dd(n,t){return n===t||!!(n&&t&&n.length===t.length&&n.every((e,i)=>e===t[i]))}var ar=class extends Lt{getShaders(){let{antialiasing:t}=this.props;return super.getShaders({vs:Od,fs:kd,source:Rd,defines:t?{ANTIALIASING:1}:{},modules:[Ft,Bt,Ut,Id,...this.context.device.type==="webgpu"?[Ln]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.context.device.type==="webgpu"?null:this.getAttributeManager()?.getBounds(["vertexPositions"])}getPathProjectionScale(t){let e=this.props.coordinateSystem;if(!!!this.getAttributeManager()?.getAttributes().instanceDashOffsets)return null;if(t instanceof Jt&&t.zoom>=12&&(e==="default"||e==="lnglat"||e==="cartesian")){let s=Zt.getUniforms({viewport:t,coordinateSystem:e,coordinateOrigin:this.props.coordinateOrigin,autoWrapLongitude:this.wrapLongitude});return[t.projectionMode,s.coordinateOrigin[1],s.commonOrigin[1],...s.commonUnitsPerWorldUnit,...s.commonUnitsPerWorldUnit2,s.commonUnitsPerMeter[2]]}let o=gP(t);return o?[t.projectionMode,...o]:[t.projectionMode]}shouldUpdateState(t){let{viewport:e}=this.context;return super.shouldUpdateState(t)||this.state?.tessellationResolution!==e.resolution||!Dd(this.state?.pathProjectionScale,this.getPathProjectionScale(e))}initializeState(){let e=this.context.device.type==="webgpu";this.getAttributeManager().addInstanced({...e?{pathPositions:{size:24,type:"float32",transition:!1,accessor:"getPath",update:this.calculateWebGPUPositions,shaderAttributes:{instanceLeftPositions:{size:3,elementOffset:0},instanceStartPositions:{size:3,elementOffset:3},instanceEndPositions:{size:3,elementOffset:6},instanceRightPositions:{size:3,elementOffset:9},instanceLeftPositions64Low:{size:3,elementOffset:12},instanceStartPositions64Low:{size:3,elementOffset:15},instanceEndPositions64Low:{size:3,elementOffset:18},instanceRightPositions64Low:{size:3,elementOffset:21}},noAlloc:!0}}:{vertexPositions:{size:3,vertexOffset:1,type:"float64",fp64:this.use64bitPositions(),transition:Ac,accessor:"getPath",update:this.calculatePositions,noAlloc:!0,shaderAttributes:{instanceLeftPositions:{vertexOffset:0},instanceStartPositions:{vertexOffset:1},instanceEndPositions:{vertexOffset:2},instanceRightPositions:{vertexOffset:3}}}},instanceTypes:{size:1,type:e?"float32":"uint8",update:this.calculateSegmentTypes,noAlloc:!0},instanceStrokeWidths:{size:1,accessor:"getWidth",transition:e?!1:Ac,defaultValue:1,bufferGroup:"path-instance-data"},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",accessor:"getColor",transition:e?!1:Ac,defaultValue:zd,bufferGroup:"path-instance-data"},rowIndexes:{size:1,type:"uint32",accessor:(r,{index:o})=>r&&r.__source?r.__source.index:o,bufferGroup:"path-instance-data"}}),this.setState({pathTesselator:new sr({fp64:this.use64bitPositions(),isWebGPU:e}),tessellationResolution:this.context.viewport.resolution,pathProjectionScale:this.getPathProjectionScale(this.context.viewport)})}updateState(t){super.updateState(t);let{props:e,oldProps:i,changeFlags:r}=t,o=this.getAttributeManager(),{viewport:s}=this.context,a=this.state.tessellationResolution!==s.resolution,c=this.getPathProjectionScale(s),l=!Dd(this.state.pathProjectionScale,c),h=r.updateTriggersChanged&&(r.updateTriggersChanged.all||r.updateTriggersChanged.getPath)||e._pathType!==i._pathType||e.positionFormat!==i.positionFormat||e.wrapLongitude!==i.wrapLongitude||a;if(r.dataChanged||h){let{pathTesselator:d}=this.state,p=e.data.attributes||{};d.updateGeometry({data:e.data,geometryBuffer:p.getPath,buffers:p,normalize:!e._pathType,loop:e._pathType==="loop",getGeometry:e.getPath,positionFormat:e.positionFormat,wrapLongitude:e.wrapLongitude,resolution:s.resolution,dataChanged:h?void 0:r.dataChanged}),this.setState({numInstances:d.instanceCount,startIndices:d.vertexStarts,tessellationResolution:s.resolution,pathProjectionScale:c}),!r.dataChanged||h?o.invalidateAll():l&&o.invalidate("instanceDashOffsets")}else l&&(this.setState({pathProjectionScale:c}),o.invalidate("instanceDashOffsets"));(r.extensionsChanged||e.antialiasing!==i.antialiasing)&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}getPickingInfo(t){let e=super.getPickingInfo(t),{index:i}=e,r=this.props.data;return r[0]&&r[0].__source&&(e.object=r.find(o=>o.__source.index===i)),e}disablePickingIndex(t){let e=this.props.data;if(e[0]&&e[0].__source)for(let i=0;i<e.length;i++)e[i].__source.index===t&&this._disablePickingIndex(i);else super.disablePickingIndex(t)}draw({uniforms:t}){let{jointRounded:e,capRounded:i,billboard:r,miterLimit:o,widthUnits:s,widthScale:a,widthMinPixels:c,widthMaxPixels:l}=this.props,f=this.state.model,h={jointType:Number(e),capType:Number(i),billboard:r,widthUnits:rt[s],widthScale:a,miterLimit:o,widthMinPixels:c,widthMaxPixels:l};f.shaderInputs.setProps({path:h}),f.draw(this.context.renderPass)}_getModel(){let t=[0,1,2,1,4,2,1,3,4,3,5,4],e=[0,0,0,-1,0,1,1,-1,1,1,1,0];return new At(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-list",attributes:{indices:new Uint16Array(t),positions:{value:new Float32Array(e),size:2}}}),isInstanced:!0})}calculatePositions(t){let{pathTesselator:e}=this.state;t.startIndices=e.vertexStarts,t.value=e.get("positions")}calculateSegmentTypes(t){let{pathTesselator:e}=this.state;t.startIndices=e.vertexStarts,t.value=e.get("segmentTypes")}calculateWebGPUPositions(t){let{pathTesselator:e}=this.state,i=e.get("positions");if(!i){t.value=null;return}let r=e.instanceCount,o=new Float32Array(r*24),s=[-1,0,1,2];for(let a=0;a<r;a++){let c=a*24;for(let l=0;l<4;l++){let f=a+s[l],h=c+l*3;for(let u=0;u<3;u++){let d=f>=0&&f<r?i[f*3+u]:0,p=Math.fround(d);o[h+u]=p,o[h+u+12]=d-p}}}t.startIndices=e.vertexStarts,t.value=o}};ar.defaultProps=pP;ar.layerName="PathLayer";var We=ar;var $d=cp(Fd(),1);var qo=Fo.CLOCKWISE,Ud=Fo.COUNTER_CLOCKWISE,_e={isClosed:!0};function IP(n){if(n=n&&n.positions||n,!Array.isArray(n)&&!ArrayBuffer.isView(n))throw new Error("invalid polygon")}function In(n){return"positions"in n?n.positions:n}function hr(n){return"holeIndices"in n?n.holeIndices:null}function RP(n){return Array.isArray(n[0])}function OP(n){return n.length>=1&&n[0].length>=2&&Number.isFinite(n[0][0])}function kP(n){let t=n[0],e=n[n.length-1];return t[0]===e[0]&&t[1]===e[1]&&t[2]===e[2]}function DP(n,t,e,i){for(let r=0;r<t;r++)if(n[e+r]!==n[i-t+r])return!1;return!0}function Gd(n,t,e,i,r){let o=t,s=e.length;for(let a=0;a<s;a++)for(let c=0;c<i;c++)n[o++]=e[a][c]||0;if(!kP(e))for(let a=0;a<i;a++)n[o++]=e[0][a]||0;return _e.start=t,_e.end=o,_e.size=i,tr(n,r,_e),o}function Wd(n,t,e,i,r=0,o,s){o=o||e.length;let a=o-r;if(a<=0)return t;let c=t;for(let l=0;l<a;l++)n[c++]=e[r+l];if(!DP(e,i,r,o))for(let l=0;l<i;l++)n[c++]=e[r+l];return _e.start=t,_e.end=c,_e.size=i,tr(n,s,_e),c}function Xo(n,t){IP(n);let e=[],i=[];if("positions"in n){let{positions:r,holeIndices:o}=n;if(o){let s=0;for(let a=0;a<=o.length;a++)s=Wd(e,s,r,t,o[a-1],o[a],a===0?qo:Ud),i.push(s);return i.pop(),{positions:e,holeIndices:i}}n=r}if(!RP(n))return Wd(e,0,n,t,0,e.length,qo),e;if(!OP(n)){let r=0;for(let[o,s]of n.entries())r=Gd(e,r,s,t,o===0?qo:Ud),i.push(r);return i.pop(),{positions:e,holeIndices:i}}return Gd(e,0,n,t,qo),e}function Dc(n,t,e){let i=n.length/3,r=0;for(let o=0;o<i;o++){let s=(o+1)%i;r+=n[o*3+t]*n[s*3+e],r-=n[s*3+t]*n[o*3+e]}return Math.abs(r/2)}function Yd(n,t,e,i){let r=n.length/3;for(let o=0;o<r;o++){let s=o*3,a=n[s+0],c=n[s+1],l=n[s+2];n[s+t]=a,n[s+e]=c,n[s+i]=l}}function Hd(n,t,e,i){let r=hr(n);r&&(r=r.map(a=>a/t));let o=In(n),s=i&&t===3;if(e){let a=o.length;o=o.slice();let c=[];for(let l=0;l<a;l+=t){c[0]=o[l],c[1]=o[l+1],s&&(c[2]=o[l+2]);let f=e(c);o[l]=f[0],o[l+1]=f[1],s&&(o[l+2]=f[2])}}if(s){let a=Dc(o,0,1),c=Dc(o,0,2),l=Dc(o,1,2);if(!a&&!c&&!l)return[];a>c&&a>l||(c>l?(e||(o=o.slice()),Yd(o,0,2,1)):(e||(o=o.slice()),Yd(o,2,0,1)))}return(0,$d.default)(o,r,t)}var ur=class extends xe{constructor(t){let{fp64:e,IndexType:i=Uint32Array}=t;super({...t,attributes:{positions:{size:3,type:e?Float64Array:Float32Array},vertexValid:{type:Uint16Array,size:1},indices:{type:i,size:1}}})}get(t){let{attributes:e}=this;return t==="indices"?e.indices&&e.indices.subarray(0,this.vertexCount):e[t]}updateGeometry(t){super.updateGeometry(t);let e=this.buffers.indices;if(e)this.vertexCount=(e.value||e).length;else if(this.data&&!this.getGeometry)throw new Error("missing indices buffer")}normalizeGeometry(t){if(this.normalize){let e=Xo(t,this.positionSize);return this.opts.resolution?rr(In(e),hr(e),{size:this.positionSize,gridResolution:this.opts.resolution,edgeTypes:!0}):this.opts.wrapLongitude?Lc(In(e),hr(e),{size:this.positionSize,maxLatitude:86,edgeTypes:!0}):e}return t}getGeometrySize(t){if(qd(t)){let e=0;for(let i of t)e+=this.getGeometrySize(i);return e}return In(t).length/this.positionSize}getGeometryFromBuffer(t){return this.normalize||!this.buffers.indices?super.getGeometryFromBuffer(t):null}updateGeometryAttributes(t,e){if(t&&qd(t))for(let i of t){let r=this.getGeometrySize(i);e.geometrySize=r,this.updateGeometryAttributes(i,e),e.vertexStart+=r,e.indexStart=this.indexStarts[e.geometryIndex+1]}else{let i=t;this._updateIndices(i,e),this._updatePositions(i,e),this._updateVertexValid(i,e)}}_updateIndices(t,{geometryIndex:e,vertexStart:i,indexStart:r}){let{attributes:o,indexStarts:s,typedArrayManager:a}=this,c=o.indices;if(!c||!t)return;let l=r,f=Hd(t,this.positionSize,this.opts.preproject,this.opts.full3d);c=a.allocate(c,r+f.length,{copy:!0});for(let h=0;h<f.length;h++)c[l++]=f[h]+i;s[e+1]=r+f.length,o.indices=c}_updatePositions(t,{vertexStart:e,geometrySize:i}){let{attributes:{positions:r},positionSize:o}=this;if(!r||!t)return;let s=In(t);for(let a=e,c=0;c<i;a++,c++){let l=s[c*o],f=s[c*o+1],h=o>2?s[c*o+2]:0;r[a*3]=l,r[a*3+1]=f,r[a*3+2]=h}}_updateVertexValid(t,{vertexStart:e,geometrySize:i}){let{positionSize:r}=this,o=this.attributes.vertexValid,s=t&&hr(t);if(t&&t.edgeTypes?o.set(t.edgeTypes,e):o.fill(1,e,e+i),s)for(let a=0;a<s.length;a++)o[e+s[a]/r-1]=0;o[e+i-1]=0}};function qd(n){return Array.isArray(n)&&n.length>0&&!Number.isFinite(n[0])}var zP=`struct SolidPolygonUniforms {
  extruded: f32,
  isWireframe: f32,
  elevationScale: f32,
};

@group(0) @binding(auto) var<uniform> solidPolygon: SolidPolygonUniforms;
`,Xd=`layout(std140) uniform solidPolygonUniforms {
  bool extruded;
  bool isWireframe;
  float elevationScale;
} solidPolygon;
`,Kd={name:"solidPolygon",source:zP,vs:Xd,fs:Xd,uniformTypes:{extruded:"f32",isWireframe:"f32",elevationScale:"f32"}};var Ko=`in vec4 fillColors;
in vec4 lineColors;
in float rowIndexes;
out vec4 vColor;
struct PolygonProps {
vec3 positions;
vec3 positions64Low;
vec3 normal;
float elevations;
};
vec3 project_offset_normal(vec3 vector) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
return normalize(vector * project.commonUnitsPerWorldUnit);
}
return project_normal(vector);
}
void calculatePosition(PolygonProps props) {
vec3 pos = props.positions;
vec3 pos64Low = props.positions64Low;
vec3 normal = props.normal;
vec4 colors = solidPolygon.isWireframe ? lineColors : fillColors;
geometry.worldPosition = props.positions;
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
if (solidPolygon.extruded) {
pos.z += props.elevations * solidPolygon.elevationScale;
}
gl_Position = project_position_to_clipspace(pos, pos64Low, vec3(0.), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
if (solidPolygon.extruded) {
#ifdef IS_SIDE_VERTEX
normal = project_offset_normal(normal);
#else
normal = project_normal(normal);
#endif
geometry.normal = normal;
vec3 lightColor = lighting_getLightColor(colors.rgb, project.cameraPosition, geometry.position.xyz, geometry.normal);
vColor = vec4(lightColor, colors.a * layer.opacity);
} else {
vColor = vec4(colors.rgb, colors.a * layer.opacity);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var Jd=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader
in vec3 vertexPositions;
in vec3 vertexPositions64Low;
in float elevations;
${Ko}
void main(void) {
PolygonProps props;
props.positions = vertexPositions;
props.positions64Low = vertexPositions64Low;
props.elevations = elevations;
props.normal = vec3(0.0, 0.0, 1.0);
calculatePosition(props);
}
`;var Qd=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader-side
#define IS_SIDE_VERTEX
in vec2 positions;
in vec3 vertexPositions;
in vec3 nextVertexPositions;
in vec3 vertexPositions64Low;
in vec3 nextVertexPositions64Low;
in float elevations;
in float instanceVertexValid;
${Ko}
void main(void) {
if(instanceVertexValid < 0.5){
gl_Position = vec4(0.);
return;
}
PolygonProps props;
vec3 pos;
vec3 pos64Low;
vec3 nextPos;
vec3 nextPos64Low;
#if RING_WINDING_ORDER_CW == 1
pos = vertexPositions;
pos64Low = vertexPositions64Low;
nextPos = nextVertexPositions;
nextPos64Low = nextVertexPositions64Low;
#else
pos = nextVertexPositions;
pos64Low = nextVertexPositions64Low;
nextPos = vertexPositions;
nextPos64Low = vertexPositions64Low;
#endif
props.positions = mix(pos, nextPos, positions.x);
props.positions64Low = mix(pos64Low, nextPos64Low, positions.x);
props.normal = vec3(
pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
0.0);
props.elevations = elevations * positions.y;
calculatePosition(props);
}
`;var tp=`#version 300 es
#define SHADER_NAME solid-polygon-layer-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
fragColor = vColor;
geometry.uv = vec2(0.);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;function ep(){return`fn project_offset_normal(vector: vec3<f32>) -> vec3<f32> {
  if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
    return normalize(vector * project.commonUnitsPerWorldUnit);
  }
  return project_normal(vector);
}

fn apply_polygon_color(
  colors: vec4<f32>,
  normal: vec3<f32>,
  position: vec4<f32>
) -> vec4<f32> {
  if (solidPolygon.extruded > 0.5) {
    let lightColor = lighting_getLightColor2(
      colors.rgb,
      project.cameraPosition,
      position.xyz,
      normal
    );
    return vec4<f32>(lightColor, colors.a * layer.opacity);
  }
  return vec4<f32>(colors.rgb, colors.a * layer.opacity);
}
`}function np(){return`@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = vec2<f32>(0.0, 0.0);

  clip_filterColor(inp.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = inp.vColor;

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return deckgl_premultiplied_alpha(fragColor);
}
`}function NP(){return`${ep()}

struct Attributes {
  @location(0) vertexPositions: vec3<f32>,
  @location(1) vertexPositions64Low: vec3<f32>,
  @location(2) elevations: f32,
  @location(3) fillColors: vec4<f32>,
  @location(4) lineColors: vec4<f32>,
  @location(5) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;

  var pos = attributes.vertexPositions;
  if (solidPolygon.extruded > 0.5) {
    pos.z += attributes.elevations * solidPolygon.elevationScale;
  }

  geometry.worldPosition = attributes.vertexPositions;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    pos,
    attributes.vertexPositions64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_normal(vec3<f32>(0.0, 0.0, 1.0));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${np()}
`}function BP(n){return`const RING_WINDING_ORDER_CW: bool = ${n?"true":"false"};

${ep()}

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) vertexPositions: vec3<f32>,
  @location(2) vertexPositions64Low: vec3<f32>,
  @location(3) nextVertexPositions: vec3<f32>,
  @location(4) nextVertexPositions64Low: vec3<f32>,
  @location(5) vertexValid: f32,
  @location(6) elevations: f32,
  @location(7) fillColors: vec4<f32>,
  @location(8) lineColors: vec4<f32>,
  @location(9) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;
  outp.position = vec4<f32>(0.0);
  outp.vColor = vec4<f32>(0.0);
  outp.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);
  outp.clipCoordinates = vec2<f32>(0.0);

  if (attributes.vertexValid < 0.5) {
    return outp;
  }

  let pos = select(attributes.nextVertexPositions, attributes.vertexPositions, RING_WINDING_ORDER_CW);
  let pos64Low = select(
    attributes.nextVertexPositions64Low,
    attributes.vertexPositions64Low,
    RING_WINDING_ORDER_CW
  );
  let nextPos = select(attributes.vertexPositions, attributes.nextVertexPositions, RING_WINDING_ORDER_CW);
  let nextPos64Low = select(
    attributes.vertexPositions64Low,
    attributes.nextVertexPositions64Low,
    RING_WINDING_ORDER_CW
  );

  let position = mix(pos, nextPos, attributes.positions.x);
  let position64Low = mix(pos64Low, nextPos64Low, attributes.positions.x);

  var worldPosition = position;
  if (solidPolygon.extruded > 0.5) {
    worldPosition.z += attributes.elevations * attributes.positions.y * solidPolygon.elevationScale;
  }

  geometry.worldPosition = position;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    worldPosition,
    position64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_offset_normal(vec3<f32>(
    pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
    nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
    0.0
  ));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${np()}
`}function ip(n,t){return n==="top"?NP():BP(t)}var Qo=[0,0,0,255],jP={filled:!0,extruded:!1,wireframe:!1,_normalize:!0,_windingOrder:"CW",_full3d:!1,elevationScale:{type:"number",min:0,value:1},getPolygon:{type:"accessor",value:n=>n.polygon},getElevation:{type:"accessor",value:1e3},getFillColor:{type:"accessor",value:Qo},getLineColor:{type:"accessor",value:Qo},material:!0},Jo={enter:(n,t)=>t.length?t.subarray(t.length-n.length):n},dr=class extends Lt{getShaders(t){let e=!this.props._normalize&&this.props._windingOrder==="CCW"?0:1;return super.getShaders({vs:t==="top"?Jd:Qd,fs:tp,source:ip(t,!!e),defines:{RING_WINDING_ORDER_CW:e},modules:[Ft,Bt,yr,Ut,Kd,...this.context.device.type==="webgpu"?[Ln]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.getAttributeManager()?.getBounds(["vertexPositions"])}initializeState(){let{viewport:t}=this.context,{coordinateSystem:e}=this.props,{_full3d:i}=this.props;t.isGeospatial&&e==="default"&&(e="lnglat");let r;e==="lnglat"&&(i?r=t.projectPosition.bind(t):r=t.projectFlat.bind(t)),this.setState({numInstances:0,polygonTesselator:new ur({preproject:r,fp64:this.use64bitPositions(),IndexType:Uint32Array})});let o=this.getAttributeManager(),s=!0,a=this.context.device.type==="webgpu";o.add({indices:{size:1,isIndexed:!0,update:this.calculateIndices,noAlloc:s},vertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:Jo,accessor:"getPolygon",update:this.calculatePositions,noAlloc:s,...a?{}:{shaderAttributes:{nextVertexPositions:{vertexOffset:1}}}},...a?{nextVertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:!1,update:this.calculateNextPositions,noAlloc:s}}:{},[a?"vertexValid":"instanceVertexValid"]:{size:1,type:a?"float32":"uint16",stepMode:"instance",update:this.calculateVertexValid,noAlloc:s},elevations:{size:1,stepMode:"dynamic",transition:Jo,accessor:"getElevation",bufferGroup:"solid-polygon-instance-data"},fillColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:Jo,accessor:"getFillColor",defaultValue:Qo,bufferGroup:"solid-polygon-instance-data"},lineColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:Jo,accessor:"getLineColor",defaultValue:Qo,bufferGroup:"solid-polygon-instance-data"},rowIndexes:{size:1,type:"uint32",stepMode:"dynamic",accessor:(c,{index:l})=>c&&c.__source?c.__source.index:l,bufferGroup:"solid-polygon-instance-data"}})}getPickingInfo(t){let e=super.getPickingInfo(t),{index:i}=e,r=this.props.data;return r[0]&&r[0].__source&&(e.object=r.find(o=>o.__source.index===i)),e}disablePickingIndex(t){let e=this.props.data;if(e[0]&&e[0].__source)for(let i=0;i<e.length;i++)e[i].__source.index===t&&this._disablePickingIndex(i);else super.disablePickingIndex(t)}draw({uniforms:t}){let{extruded:e,filled:i,wireframe:r,elevationScale:o}=this.props,{topModel:s,sideModel:a,wireframeModel:c,polygonTesselator:l}=this.state,f={extruded:!!e,elevationScale:o,isWireframe:!1};c&&r&&(c.setInstanceCount(l.instanceCount-1),c.shaderInputs.setProps({solidPolygon:{...f,isWireframe:!0}}),c.draw(this.context.renderPass)),a&&i&&(a.setInstanceCount(l.instanceCount-1),a.shaderInputs.setProps({solidPolygon:f}),a.draw(this.context.renderPass)),s&&i&&(s.setVertexCount(l.vertexCount),s.shaderInputs.setProps({solidPolygon:f}),s.draw(this.context.renderPass))}updateState(t){super.updateState(t),this.updateGeometry(t);let{props:e,oldProps:i,changeFlags:r}=t,o=this.getAttributeManager();(r.extensionsChanged||e.filled!==i.filled||e.extruded!==i.extruded)&&(this.state.models?.forEach(a=>a.destroy()),this.setState(this._getModels()),o.invalidateAll())}updateGeometry({props:t,oldProps:e,changeFlags:i}){if(i.dataChanged||i.updateTriggersChanged&&(i.updateTriggersChanged.all||i.updateTriggersChanged.getPolygon)){let{polygonTesselator:o}=this.state,s=t.data.attributes||{};o.updateGeometry({data:t.data,normalize:t._normalize,geometryBuffer:s.getPolygon,buffers:this.context.device.type==="webgpu"?{...s}:s,getGeometry:t.getPolygon,positionFormat:t.positionFormat,wrapLongitude:t.wrapLongitude,resolution:this.context.viewport.resolution,fp64:this.use64bitPositions(),dataChanged:i.dataChanged,full3d:t._full3d}),this.setState({numInstances:o.instanceCount,startIndices:o.vertexStarts}),i.dataChanged||this.getAttributeManager().invalidateAll()}}_getModels(){let{id:t,filled:e,extruded:i}=this.props,r,o,s;if(e){let a=this.getShaders("top");a.defines={...a.defines,NON_INSTANCED_MODEL:1};let c=this.getAttributeManager().getBufferLayouts({isInstanced:!1});this.context.device.type==="webgpu"&&(c=c.filter(l=>l.name!=="indices"&&l.name!=="vertexValid"&&l.name!=="instanceVertexValid"&&l.name!=="nextVertexPositions")),r=new At(this.context.device,{...a,id:`${t}-top`,topology:"triangle-list",bufferLayout:c,isIndexed:!0,userData:{excludeAttributes:{vertexValid:!0,instanceVertexValid:!0,nextVertexPositions:!0}}})}if(i){let a=this.getAttributeManager().getBufferLayouts({isInstanced:!0});this.context.device.type==="webgpu"&&(a=a.filter(c=>c.name!=="indices")),o=new At(this.context.device,{...this.getShaders("side"),id:`${t}-side`,bufferLayout:a,geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,1,1,0,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}}),s=new At(this.context.device,{...this.getShaders("side"),id:`${t}-wireframe`,bufferLayout:a,geometry:new Yt({topology:"line-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,0,1,1,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}})}return{models:[o,s,r].filter(Boolean),topModel:r,sideModel:o,wireframeModel:s}}calculateIndices(t){let{polygonTesselator:e}=this.state;t.startIndices=e.indexStarts,t.value=e.get("indices")}calculatePositions(t){let{polygonTesselator:e}=this.state;t.startIndices=e.vertexStarts;let i=this.props.data.attributes?.getPolygon;if(this.context.device.type==="webgpu"&&ArrayBuffer.isView(i?.value)){let{value:r,size:o=3,offset:s=0,stride:a}=i,c=s/r.BYTES_PER_ELEMENT,l=a?a/r.BYTES_PER_ELEMENT:o,f=new Float64Array(e.instanceCount*3);for(let h=0;h<e.instanceCount;h++){let u=c+h*l,d=h*3;f[d]=r[u],f[d+1]=r[u+1],f[d+2]=o>2?r[u+2]:0}t.value=f;return}t.value=e.get("positions")}calculateVertexValid(t){let e=this.props.data.attributes?.instanceVertexValid?.value,i=this.context.device.type==="webgpu"&&e?e:this.state.polygonTesselator.get("vertexValid");t.value=this.context.device.type==="webgpu"&&i?Float32Array.from(i):i}calculateNextPositions(t){let{polygonTesselator:e}=this.state,i=this.getAttributeManager().getAttributes(),r=i.vertexPositions.value,o=this.props.data.attributes?.instanceVertexValid?.value||i.vertexValid?.value||e.get("vertexValid");if(t.startIndices=e.vertexStarts,!r){t.value=r;return}let s=r.length/3,a=new r.constructor(r.length);for(let c=0;c<s;c++){let l=c*3,f=o?.[c]&&c+1<s?l+3:l;for(let h=0;h<3;h++)a[l+h]=r[f+h]}t.value=a}};dr.defaultProps=jP;dr.layerName="SolidPolygonLayer";var rp=dr;function op({data:n,getIndex:t,dataRange:e,replace:i}){let{startRow:r=0,endRow:o=1/0}=e,s=n.length,a=s,c=s;for(let u=0;u<s;u++){let d=t(n[u]);if(a>u&&d>=r&&(a=u),d>=o){c=u;break}}let l=a,h=c-a!==i.length?n.slice(c):void 0;for(let u=0;u<i.length;u++)n[l++]=i[u];if(h){for(let u=0;u<h.length;u++)n[l++]=h[u];n.length=l}return{startRow:a,endRow:a+i.length}}var sp=[0,0,0,255],VP=[0,0,0,255],FP={stroked:!0,filled:!0,extruded:!1,elevationScale:1,wireframe:!1,_normalize:!0,_windingOrder:"CW",lineWidthUnits:"meters",lineWidthScale:1,lineWidthMinPixels:0,lineWidthMaxPixels:Number.MAX_SAFE_INTEGER,lineJointRounded:!1,lineMiterLimit:4,lineAntialiasing:!1,getPolygon:{type:"accessor",value:n=>n.polygon},getFillColor:{type:"accessor",value:VP},getLineColor:{type:"accessor",value:sp},getLineWidth:{type:"accessor",value:1},getElevation:{type:"accessor",value:1e3},material:!0},pr=class extends xc{initializeState(){this.state={paths:[],pathsDiff:null},this.props.getLineDashArray&&I.removed("getLineDashArray","PathStyleExtension")()}updateState({changeFlags:t}){let e=t.dataChanged||t.updateTriggersChanged&&(t.updateTriggersChanged.all||t.updateTriggersChanged.getPolygon);if(e&&Array.isArray(t.dataChanged)){let i=this.state.paths.slice(),r=t.dataChanged.map(o=>op({data:i,getIndex:s=>s.__source.index,dataRange:o,replace:this._getPaths(o)}));this.setState({paths:i,pathsDiff:r})}else e&&this.setState({paths:this._getPaths(),pathsDiff:null})}_getPaths(t={}){let{data:e,getPolygon:i,positionFormat:r,_normalize:o}=this.props,s=[],a=r==="XY"?2:3,{startRow:c,endRow:l}=t,{iterable:f,objectInfo:h}=ie(e,c,l);for(let u of f){h.index++;let d=i(u,h);o&&(d=Xo(d,a));let{holeIndices:p}=d,g=d.positions||d;if(p)for(let m=0;m<=p.length;m++){let v=g.slice(p[m-1]||0,p[m]||g.length);s.push(this.getSubLayerRow({path:v},u,h.index))}else s.push(this.getSubLayerRow({path:g},u,h.index))}return s}renderLayers(){let{data:t,_dataDiff:e,stroked:i,filled:r,extruded:o,wireframe:s,_normalize:a,_windingOrder:c,elevationScale:l,transitions:f,positionFormat:h}=this.props,{lineWidthUnits:u,lineWidthScale:d,lineWidthMinPixels:p,lineWidthMaxPixels:g,lineJointRounded:m,lineMiterLimit:v,lineAntialiasing:_,lineDashJustified:y}=this.props,{getFillColor:x,getLineColor:w,getLineWidth:P,getLineDashArray:C,getElevation:M,getPolygon:S,updateTriggers:b,material:R}=this.props,{paths:O,pathsDiff:T}=this.state,k=this.getSubLayerClass("fill",rp),Z=this.getSubLayerClass("stroke",We),et=this.shouldRenderSubLayer("fill",O)&&new k({_dataDiff:e,extruded:o,elevationScale:l,filled:r,wireframe:s,_normalize:a,_windingOrder:c,getElevation:M,getFillColor:x,getLineColor:o&&s?w:sp,material:R,transitions:f},this.getSubLayerProps({id:"fill",updateTriggers:b&&{getPolygon:b.getPolygon,getElevation:b.getElevation,getFillColor:b.getFillColor,lineColors:o&&s,getLineColor:b.getLineColor}}),{data:t,positionFormat:h,getPolygon:S}),Pe=!o&&i&&this.shouldRenderSubLayer("stroke",O)&&new Z({_dataDiff:T&&(()=>T),widthUnits:u,widthScale:d,widthMinPixels:p,widthMaxPixels:g,jointRounded:m,miterLimit:v,antialiasing:_,dashJustified:y,_pathType:"loop",transitions:f&&{getWidth:f.getLineWidth,getColor:f.getLineColor,getPath:f.getPolygon},getColor:this.getSubLayerAccessor(w),getWidth:this.getSubLayerAccessor(P),getDashArray:this.getSubLayerAccessor(C)},this.getSubLayerProps({id:"stroke",updateTriggers:b&&{getWidth:b.getLineWidth,getColor:b.getLineColor,getDashArray:b.getLineDashArray}}),{data:O,positionFormat:h,getPath:gr=>gr.path});return[!o&&et,Pe,o&&et]}};pr.layerName="PolygonLayer";pr.defaultProps=FP;var ts=pr;function UP({object:n}){let t=n&&n.properties;return t&&`${t.text}${t.author_name?` \u2014 ${t.author_name}`:""}`}var GP="M6 4h36a4 4 0 0 1 4 4v22a4 4 0 0 1-4 4H22l-10 11v-11H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z",WP={balloon:{x:0,y:0,width:48,height:48,anchorY:45,mask:!0}},Rn=null;function YP(){if(!Rn){Rn=document.createElement("canvas"),Rn.width=48,Rn.height=48;let n=Rn.getContext("2d");n.fillStyle="#fff",n.fill(new Path2D(GP))}return Rn}var $P="balloon";function EN(){return new Tn({interleaved:!1,layers:[],getTooltip:UP})}function zc(n,t){return[...Bc[n.properties.category]||[90,90,90],n.properties.hidden?Math.round(t/3):t]}function MN(n,t){return[new ts({id:"scenario-housing",data:n.polygons,getPolygon:e=>e.polygon,getFillColor:[128,0,128,90],getLineColor:[128,0,128,255],lineWidthMinPixels:2}),new We({id:"scenario-drawing",data:n.drawing.length>1?[{path:n.drawing}]:[],getPath:e=>e.path,getColor:[128,0,128,255],widthMinPixels:2}),new We({id:"scenario-moves",data:n.moves,getPath:e=>e.path,getColor:[0,0,0,200],widthMinPixels:2}),new Vo({id:"scenario-points",data:[...n.points,...n.drawing.map(([e,i])=>({lon:e,lat:i}))],getPosition:e=>[e.lon,e.lat],getFillColor:[128,0,128,255],getLineColor:[255,255,255,255],stroked:!0,billboard:!0,radiusUnits:"pixels",getRadius:6,lineWidthUnits:"pixels",getLineWidth:2}),new ts({id:"comment-areas",data:t.areas,pickable:!0,getPolygon:e=>e.geometry.coordinates,getFillColor:e=>zc(e,60),getLineColor:e=>zc(e,255),lineWidthUnits:"pixels",getLineWidth:2,lineWidthMinPixels:2}),new We({id:"comment-drawing",data:t.drawing.length>1?[{path:t.drawing}]:[],getPath:e=>e.path,getColor:[33,33,33,255],widthMinPixels:2}),new Vo({id:"comment-corners",data:t.drawing,getPosition:e=>e,getFillColor:[33,33,33,255],radiusUnits:"pixels",getRadius:4}),new Sc({id:"comments",data:t.points,pickable:!0,getPosition:e=>e.geometry.coordinates,iconAtlas:YP(),iconMapping:WP,getIcon:()=>$P,getColor:e=>zc(e,255),sizeUnits:"pixels",getSize:26,billboard:!0})]}export{$P as COMMENT_SYMBOL,EN as createOverlay,MN as overlayLayers};
